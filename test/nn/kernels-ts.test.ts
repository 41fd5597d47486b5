import { createTsKernels } from '../../src/nn/kernels-ts.js';
import { runKernelContract } from './kernels-contract.js';

runKernelContract('ts', createTsKernels);
