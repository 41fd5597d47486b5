// The allocator behind the wasm engine's alloc/free: a first-fit free list over the WebAssembly
// linear memory, 16-byte aligned (v128 loads), coalescing neighbours on free. The memory is shared
// (SharedArrayBuffer-backed), so growing it never detaches a view handed out earlier.

import { TracehoundError } from '../errors.js';

/** The part of WebAssembly.Memory the heap uses (the compiler's lib has no WebAssembly types). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

const PAGE = 65536;
const ALIGN = 16;
const MAX_PAGES = 65536;

interface Block {
  start: number;
  size: number;
}

export class WasmHeap {
  /** Free blocks sorted by start, never adjacent (adjacent ones are merged). */
  private readonly freeBlocks: Block[] = [];
  /** Allocated blocks: start byte → size in bytes. */
  private readonly used = new Map<number, number>();

  constructor(readonly memory: WasmMemory, base: number) {
    const start = roundUp(base, ALIGN);
    const end = memory.buffer.byteLength;
    if (end > start) this.freeBlocks.push({ start, size: end - start });
  }

  /** Bytes currently handed out (for tests and leak checks). */
  get bytesInUse(): number {
    let s = 0;
    for (const v of this.used.values()) s += v;
    return s;
  }

  /** Start offset of a zeroed block of at least `bytes` bytes. */
  allocate(bytes: number): number {
    if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`alloc: length must be a non-negative integer, got ${bytes}`);
    const size = roundUp(Math.max(bytes, ALIGN), ALIGN);
    let i = this.freeBlocks.findIndex((b) => b.size >= size);
    if (i < 0) i = this.grow(size);
    const block = this.freeBlocks[i];
    const start = block.start;
    if (block.size === size) this.freeBlocks.splice(i, 1);
    else {
      block.start += size;
      block.size -= size;
    }
    this.used.set(start, size);
    new Uint8Array(this.memory.buffer, start, size).fill(0);
    return start;
  }

  release(start: number): void {
    const size = this.used.get(start);
    if (size === undefined) throw new RangeError(`free: no buffer allocated by the wasm kernels starts at byte ${start}`);
    this.used.delete(start);
    let i = 0;
    while (i < this.freeBlocks.length && this.freeBlocks[i].start < start) i++;
    this.freeBlocks.splice(i, 0, { start, size });
    // Merge with the next block, then with the previous one.
    const cur = this.freeBlocks[i];
    const next = this.freeBlocks[i + 1];
    if (next && cur.start + cur.size === next.start) {
      cur.size += next.size;
      this.freeBlocks.splice(i + 1, 1);
    }
    const prev = this.freeBlocks[i - 1];
    if (prev && prev.start + prev.size === cur.start) {
      prev.size += cur.size;
      this.freeBlocks.splice(i, 1);
    }
  }

  /** Grows the memory so that a block of `size` bytes fits at its end; returns that free block's index. */
  private grow(size: number): number {
    const end = this.memory.buffer.byteLength;
    const last = this.freeBlocks[this.freeBlocks.length - 1];
    const tailFree = last && last.start + last.size === end ? last.size : 0;
    const pagesNow = end / PAGE;
    const needed = Math.ceil((size - tailFree) / PAGE);
    // Grow by at least half again, so a run of allocations does not grow page by page.
    const pages = Math.min(Math.max(needed, Math.ceil(pagesNow / 2)), MAX_PAGES - pagesNow);
    if (pages < needed) {
      throw new TracehoundError('E_WASM_MEMORY', `The wasm engine ran out of memory: ${size} more bytes needed beyond 4 GiB. Use --engine ts or a smaller data set.`);
    }
    this.memory.grow(pages);
    const added = pages * PAGE;
    if (tailFree > 0) last.size += added;
    else this.freeBlocks.push({ start: end, size: added });
    return this.freeBlocks.length - 1;
  }
}

function roundUp(v: number, a: number): number {
  return Math.ceil(v / a) * a;
}
