// AdamW (Loshchilov & Hutter) as torch.optim.AdamW: the Adam rule, with weight decay applied
// to the parameters directly (p ← p·(1 − lr·wd)) instead of through the gradient.

import { Adam } from './adam.js';

export class AdamW extends Adam {
  protected override get decoupled(): boolean {
    return true;
  }
}
