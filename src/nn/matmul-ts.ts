// The three matrix products of a dense layer, register-blocked 4×4 for the ts engine.
// Shapes follow kernels.ts: x [n×k], w [k×m], outputs/gradients [n×m], all row-major.
// Edges (n, k or m not multiples of 4) fall back to plain dot products.

/** c = a·w + b (bias broadcast over rows). a [n×k], w [k×m], b [m], c [n×m]. */
export function matmulBias(a: Float32Array, w: Float32Array, b: Float32Array, c: Float32Array, n: number, k: number, m: number): void {
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  for (let i = 0; i < n4; i += 4) {
    const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    for (let j = 0; j < m4; j += 4) {
      const bj0 = b[j], bj1 = b[j + 1], bj2 = b[j + 2], bj3 = b[j + 3];
      let c00 = bj0, c01 = bj1, c02 = bj2, c03 = bj3;
      let c10 = bj0, c11 = bj1, c12 = bj2, c13 = bj3;
      let c20 = bj0, c21 = bj1, c22 = bj2, c23 = bj3;
      let c30 = bj0, c31 = bj1, c32 = bj2, c33 = bj3;
      for (let p = 0, wp = j; p < k; p++, wp += m) {
        const w0 = w[wp], w1 = w[wp + 1], w2 = w[wp + 2], w3 = w[wp + 3];
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        c00 += x0 * w0; c01 += x0 * w1; c02 += x0 * w2; c03 += x0 * w3;
        c10 += x1 * w0; c11 += x1 * w1; c12 += x1 * w2; c13 += x1 * w3;
        c20 += x2 * w0; c21 += x2 * w1; c22 += x2 * w2; c23 += x2 * w3;
        c30 += x3 * w0; c31 += x3 * w1; c32 += x3 * w2; c33 += x3 * w3;
      }
      let o = i * m + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += m;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += m;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += m;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
    for (let j = m4; j < m; j++) {
      let s0 = b[j], s1 = s0, s2 = s0, s3 = s0;
      for (let p = 0, wp = j; p < k; p++, wp += m) {
        const wv = w[wp];
        s0 += a[a0 + p] * wv; s1 += a[a1 + p] * wv; s2 += a[a2 + p] * wv; s3 += a[a3 + p] * wv;
      }
      c[i * m + j] = s0; c[(i + 1) * m + j] = s1; c[(i + 2) * m + j] = s2; c[(i + 3) * m + j] = s3;
    }
  }
  for (let i = n4; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j < m; j++) {
      let s = b[j];
      for (let p = 0, wp = j; p < k; p++, wp += m) s += a[ai + p] * w[wp];
      c[i * m + j] = s;
    }
  }
}

/** g (+)= aᵀ·d. a [n×k], d [n×m], g [k×m]; added to g when accumulate. */
export function matmulTransposeA(a: Float32Array, d: Float32Array, g: Float32Array, n: number, k: number, m: number, accumulate: boolean): void {
  const k4 = k - (k % 4);
  const m4 = m - (m % 4);
  for (let p = 0; p < k4; p += 4) {
    for (let j = 0; j < m4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let i = 0, ai = p, di = j; i < n; i++, ai += k, di += m) {
        const x0 = a[ai], x1 = a[ai + 1], x2 = a[ai + 2], x3 = a[ai + 3];
        const d0 = d[di], d1 = d[di + 1], d2 = d[di + 2], d3 = d[di + 3];
        c00 += x0 * d0; c01 += x0 * d1; c02 += x0 * d2; c03 += x0 * d3;
        c10 += x1 * d0; c11 += x1 * d1; c12 += x1 * d2; c13 += x1 * d3;
        c20 += x2 * d0; c21 += x2 * d1; c22 += x2 * d2; c23 += x2 * d3;
        c30 += x3 * d0; c31 += x3 * d1; c32 += x3 * d2; c33 += x3 * d3;
      }
      let o = p * m + j;
      if (accumulate) {
        g[o] += c00; g[o + 1] += c01; g[o + 2] += c02; g[o + 3] += c03; o += m;
        g[o] += c10; g[o + 1] += c11; g[o + 2] += c12; g[o + 3] += c13; o += m;
        g[o] += c20; g[o + 1] += c21; g[o + 2] += c22; g[o + 3] += c23; o += m;
        g[o] += c30; g[o + 1] += c31; g[o + 2] += c32; g[o + 3] += c33;
      } else {
        g[o] = c00; g[o + 1] = c01; g[o + 2] = c02; g[o + 3] = c03; o += m;
        g[o] = c10; g[o + 1] = c11; g[o + 2] = c12; g[o + 3] = c13; o += m;
        g[o] = c20; g[o + 1] = c21; g[o + 2] = c22; g[o + 3] = c23; o += m;
        g[o] = c30; g[o + 1] = c31; g[o + 2] = c32; g[o + 3] = c33;
      }
    }
    for (let j = m4; j < m; j++) transposeAColumn(a, d, g, n, k, m, p, j, accumulate);
  }
  for (let p = k4; p < k; p++) transposeARow(a, d, g, n, k, m, p, m4, accumulate);
}

/** Edge of matmulTransposeA: g[p..p+3, j] for one column j past the last 4-wide block. */
function transposeAColumn(
  a: Float32Array, d: Float32Array, g: Float32Array,
  n: number, k: number, m: number, p: number, j: number, accumulate: boolean,
): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0, ai = p, di = j; i < n; i++, ai += k, di += m) {
    const dv = d[di];
    s0 += a[ai] * dv; s1 += a[ai + 1] * dv; s2 += a[ai + 2] * dv; s3 += a[ai + 3] * dv;
  }
  const o = p * m + j;
  if (accumulate) {
    g[o] += s0; g[o + m] += s1; g[o + 2 * m] += s2; g[o + 3 * m] += s3;
  } else {
    g[o] = s0; g[o + m] = s1; g[o + 2 * m] = s2; g[o + 3 * m] = s3;
  }
}

/** Edge of matmulTransposeA: row p of g (p past the last 4-row block), 4 columns at a time. */
function transposeARow(
  a: Float32Array, d: Float32Array, g: Float32Array,
  n: number, k: number, m: number, p: number, m4: number, accumulate: boolean,
): void {
  for (let j = 0; j < m4; j += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0, ai = p, di = j; i < n; i++, ai += k, di += m) {
      const av = a[ai];
      s0 += av * d[di]; s1 += av * d[di + 1]; s2 += av * d[di + 2]; s3 += av * d[di + 3];
    }
    const o = p * m + j;
    if (accumulate) {
      g[o] += s0; g[o + 1] += s1; g[o + 2] += s2; g[o + 3] += s3;
    } else {
      g[o] = s0; g[o + 1] = s1; g[o + 2] = s2; g[o + 3] = s3;
    }
  }
  for (let j = m4; j < m; j++) {
    let s = 0;
    for (let i = 0, ai = p, di = j; i < n; i++, ai += k, di += m) s += a[ai] * d[di];
    const o = p * m + j;
    g[o] = accumulate ? g[o] + s : s;
  }
}

/** dx = d·wᵀ. d [n×m], w [k×m], dx [n×k]. */
export function matmulTransposeB(d: Float32Array, w: Float32Array, dx: Float32Array, n: number, k: number, m: number): void {
  const n4 = n - (n % 4);
  const k4 = k - (k % 4);
  for (let i = 0; i < n4; i += 4) {
    const d0 = i * m, d1 = d0 + m, d2 = d1 + m, d3 = d2 + m;
    for (let p = 0; p < k4; p += 4) {
      const w0 = p * m, w1 = w0 + m, w2 = w1 + m, w3 = w2 + m;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let j = 0; j < m; j++) {
        const y0 = d[d0 + j], y1 = d[d1 + j], y2 = d[d2 + j], y3 = d[d3 + j];
        const v0 = w[w0 + j], v1 = w[w1 + j], v2 = w[w2 + j], v3 = w[w3 + j];
        c00 += y0 * v0; c01 += y0 * v1; c02 += y0 * v2; c03 += y0 * v3;
        c10 += y1 * v0; c11 += y1 * v1; c12 += y1 * v2; c13 += y1 * v3;
        c20 += y2 * v0; c21 += y2 * v1; c22 += y2 * v2; c23 += y2 * v3;
        c30 += y3 * v0; c31 += y3 * v1; c32 += y3 * v2; c33 += y3 * v3;
      }
      let o = i * k + p;
      dx[o] = c00; dx[o + 1] = c01; dx[o + 2] = c02; dx[o + 3] = c03; o += k;
      dx[o] = c10; dx[o + 1] = c11; dx[o + 2] = c12; dx[o + 3] = c13; o += k;
      dx[o] = c20; dx[o + 1] = c21; dx[o + 2] = c22; dx[o + 3] = c23; o += k;
      dx[o] = c30; dx[o + 1] = c31; dx[o + 2] = c32; dx[o + 3] = c33;
    }
    for (let r = i; r < i + 4; r++) for (let p = k4; p < k; p++) transposeBDot(d, w, dx, k, m, r, p);
  }
  for (let r = n4; r < n; r++) for (let p = 0; p < k; p++) transposeBDot(d, w, dx, k, m, r, p);
}

function transposeBDot(d: Float32Array, w: Float32Array, dx: Float32Array, k: number, m: number, r: number, p: number): void {
  let s = 0;
  const dr = r * m, wp = p * m;
  for (let j = 0; j < m; j++) s += d[dr + j] * w[wp + j];
  dx[r * k + p] = s;
}

let rowSums = new Float64Array(64);

/** gb (+)= Σ_rows d. d [n×m], gb [m]. Summed row by row (contiguous reads) into a float64 scratch. */
export function sumRows(d: Float32Array, gb: Float32Array, n: number, m: number, accumulate: boolean): void {
  if (rowSums.length < m) rowSums = new Float64Array(m);
  const acc = rowSums;
  acc.fill(0, 0, m);
  for (let i = 0, o = 0; i < n; i++) for (let j = 0; j < m; j++, o++) acc[j] += d[o];
  for (let j = 0; j < m; j++) gb[j] = accumulate ? gb[j] + acc[j] : acc[j];
}
