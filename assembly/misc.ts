// Small element-wise and data-movement kernels: dropout masks, adding gradients, and the in-memory
// row gather of shuffled mini-batches.

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

export function addInPlace(a: usize, b: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    v128.store(a + off, f32x4.add(v128.load(a + off), v128.load(b + off)));
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    store<f32>(a + off, load<f32>(a + off) + load<f32>(b + off));
  }
}

/**
 * Training rows packed as [d features, label, padding] in rows of `stride` floats (a multiple of 4;
 * src/nn/training-rows.ts), so a shuffled row's features and label come from one place:
 * x[r, :] = src[idx[r], 0..d), y[r] = src[idx[r], d].
 */
export function gatherTrainingRows(src: usize, idx: usize, x: usize, y: usize, n: i32, d: i32, stride: i32): void {
  const from0 = <usize>stride << 2;
  const row = <usize>d << 2;
  // Whole vectors: a row's last vector may spill up to three floats (label, padding) past its d
  // features into the next rows' place, which their copies then overwrite; so the rows whose spill
  // would pass the end of x are left to the exact loop below.
  const vectors = (row + 15) & ~(<usize>15);
  const end = <usize>n * row;
  let r = 0;
  for (; <usize>r * row + vectors <= end; r++) {
    const from = src + <usize>load<i32>(idx + (<usize>r << 2)) * from0;
    const to = x + <usize>r * row;
    for (let q: usize = 0; q < vectors; q += 16) v128.store(to + q, v128.load(from + q));
    store<f32>(y + (<usize>r << 2), load<f32>(from + row));
  }
  for (; r < n; r++) {
    const from = src + <usize>load<i32>(idx + (<usize>r << 2)) * from0;
    const to = x + <usize>r * row;
    for (let q: usize = 0; q < row; q += 4) store<f32>(to + q, load<f32>(from + q));
    store<f32>(y + (<usize>r << 2), load<f32>(from + row));
  }
}
