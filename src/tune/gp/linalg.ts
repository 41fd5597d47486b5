// The little dense linear algebra a Gaussian process needs, on row-major Float64Arrays.
// Written out rather than taken from ml-matrix because the matrices are tiny (tens of rows) and
// the hyperparameter fit factorises one thousands of times: allocation-free loops win there.

/**
 * In-place Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite n×n matrix; the lower
 * triangle of `a` becomes L (the upper triangle is zeroed). Returns false if A is not positive definite.
 */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
    for (let i = 0; i < j; i++) a[i * n + j] = 0;
  }
  return true;
}

/** Solve L·x = b (L lower triangular from cholesky); writes x into `out` (may alias b). */
export function solveLower(l: Float64Array, n: number, b: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * out[k];
    out[i] = s / l[i * n + i];
  }
  return out;
}

/** Solve Lᵀ·x = b; writes x into `out` (may alias b). */
export function solveUpperT(l: Float64Array, n: number, b: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * out[k];
    out[i] = s / l[i * n + i];
  }
  return out;
}

/** x = A⁻¹·b given A's Cholesky factor L. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  solveLower(l, n, b, out);
  return solveUpperT(l, n, out, out);
}
