// Binary cross-entropy with logits (optional positive-class weight and focal term) and the
// sigmoid, for the ts engine. Written in terms of u = ±z (the logit of the true class) so that
// every term is a stable softplus / sigmoid and nothing overflows for |z| in the thousands.
//
// With pt = σ(u), loss = w·(1-pt)^γ·softplus(-u), where (1-pt)^γ = exp(-γ·softplus(u)), and
// ∂loss/∂u = -w·(1-pt)^γ·(γ·pt·softplus(-u) + (1-pt)); ∂loss/∂z = ±∂loss/∂u.

/** log(1 + e^x) without overflow or loss of precision. */
export function softplus(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** σ(x) without overflow for large |x|. */
export function stableSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Labels are 0 or 1 (anything > 0.5 counts as the positive class). See Kernels.bceWithLogits. */
export function bceWithLogitsTs(
  logits: Float32Array, y: Float32Array, dLogits: Float32Array,
  n: number, posWeight: number, focalGamma: number, scale: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const positive = y[i] > 0.5;
    const sign = positive ? 1 : -1;
    const w = positive ? posWeight : 1;
    const u = sign * logits[i];
    const spNeg = softplus(-u); // -log(pt)
    const pt = stableSigmoid(u);
    const q = stableSigmoid(-u); // 1 - pt, computed directly to keep its precision near 0
    let loss: number;
    let dU: number;
    if (focalGamma === 0) {
      loss = w * spNeg;
      dU = -w * q;
    } else {
      const mod = Math.exp(-focalGamma * softplus(u)); // (1-pt)^γ
      loss = w * mod * spNeg;
      dU = -w * mod * (focalGamma * pt * spNeg + q);
    }
    total += loss;
    dLogits[i] = scale * sign * dU;
  }
  return total;
}

export function sigmoidTs(z: Float32Array, out: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = stableSigmoid(z[i]);
}
