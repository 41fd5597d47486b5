// Loss and output kernels, in float64 scalar math: they touch one value per row, so precision is
// worth more than vector width here, and float64 keeps them within rounding of the ts engine.

@inline
function sigmoid64(z: f64): f64 {
  if (z >= 0) return 1.0 / (1.0 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1.0 + e);
}

/**
 * Per row: pt = σ(z) if y = 1 else 1 − σ(z); w = posWeight if y = 1 else 1;
 * loss = −w·(1−pt)^γ·log(pt). dLogits = scale·∂loss/∂z. Returns Σ loss (unscaled).
 * With q = 1 − pt and sp = −log pt = softplus(∓z): ∂loss/∂z = −w·sgn·(γ·q^γ·pt·sp + q^(γ+1)).
 */
export function bceWithLogits(z: usize, y: usize, dz: usize, n: i32, posWeight: f64, gamma: f64, scale: f64): f64 {
  let total = 0.0;
  for (let i = 0; i < n; i++) {
    const off = <usize>i << 2;
    const zi = <f64>load<f32>(z + off);
    const positive = load<f32>(y + off) > 0.5;
    const w = positive ? posWeight : 1.0;
    // One exp serves both: with a = ∓z and e = exp(−|a|), −log pt = softplus(a) = max(a,0) + log1p(e)
    // and 1 − pt = σ(a) = a ≥ 0 ? 1/(1+e) : e/(1+e).
    const a = positive ? -zi : zi;
    const e = Math.exp(-Math.abs(a));
    const sp = Math.max(a, 0.0) + Math.log1p(e); // −log pt
    const q = a >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e); // 1 − pt
    let loss: f64, grad: f64;
    if (gamma == 0) {
      loss = w * sp;
      grad = w * q;
    } else {
      const qg = Math.pow(q, gamma);
      loss = w * qg * sp;
      grad = w * (gamma * qg * (1.0 - q) * sp + qg * q);
    }
    total += loss;
    store<f32>(dz + off, <f32>((positive ? -grad : grad) * scale));
  }
  return total;
}

export function sigmoid(z: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const off = <usize>i << 2;
    store<f32>(out + off, <f32>sigmoid64(<f64>load<f32>(z + off)));
  }
}
