// Small data-movement kernels: dropout masks and the in-memory row gather of shuffled mini-batches.

export function mulInPlace(a: usize, b: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    v128.store(a + off, f32x4.mul(v128.load(a + off), v128.load(b + off)));
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    store<f32>(a + off, load<f32>(a + off) * load<f32>(b + off));
  }
}

/** dst[r, :] = src[idx[r], :] for rows of d floats. */
export function gatherRows(src: usize, idx: usize, dst: usize, n: i32, d: i32): void {
  const row = <usize>d << 2;
  if (d > 16) {
    for (let r = 0; r < n; r++) {
      const from = <usize>load<i32>(idx + (<usize>r << 2));
      memory.copy(dst + <usize>r * row, src + from * row, row);
    }
    return;
  }
  // Narrow rows (7 features): a plain loop beats a memory.copy call per row.
  let out = dst;
  for (let r = 0; r < n; r++) {
    const from = src + <usize>load<i32>(idx + (<usize>r << 2)) * row;
    for (let q: usize = 0; q < row; q += 4) store<f32>(out + q, load<f32>(from + q));
    out += row;
  }
}
