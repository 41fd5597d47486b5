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
  if (gamma == 0) return plainBce(z, y, dz, n, posWeight, scale);
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

/** Rows per product in plainBce: every factor is in (1, 2], so 2^256 bounds a block's product. */
const LOG_BLOCK: i32 = 256;

/**
 * γ = 0 (plain weighted BCE, the default): loss = w·softplus(a) = w·(max(a, 0) + log1p(e)) and
 * ∂loss/∂z = ∓w·σ(a), as in bceWithLogits. The log1p terms are summed as the log of a product,
 * Σ log(1 + e) = log Π (1 + e), one log per LOG_BLOCK rows instead of one per row (the per-row log
 * cost as much as the exp); the product's rounding (≤ 256 ulp of float64) stays far below float32
 * resolution. Positive and negative rows keep separate products, weighted once at the end.
 */
function plainBce(z: usize, y: usize, dz: usize, n: i32, posWeight: f64, scale: f64): f64 {
  let linear = 0.0, logs = 0.0;
  for (let b = 0; b < n; b += LOG_BLOCK) {
    const end = min(n, b + LOG_BLOCK);
    let prodPos = 1.0, prodNeg = 1.0;
    for (let i = b; i < end; i++) {
      const off = <usize>i << 2;
      const zi = <f64>load<f32>(z + off);
      const positive = load<f32>(y + off) > 0.5;
      const w = positive ? posWeight : 1.0;
      const a = positive ? -zi : zi;
      const e = Math.exp(-Math.abs(a));
      const onePlusE = 1.0 + e;
      if (positive) prodPos *= onePlusE;
      else prodNeg *= onePlusE;
      linear += w * Math.max(a, 0.0);
      const q = a >= 0 ? 1.0 / onePlusE : e / onePlusE; // σ(a) = 1 − pt
      const grad = w * q;
      store<f32>(dz + off, <f32>((positive ? -grad : grad) * scale));
    }
    logs += posWeight * Math.log(prodPos) + Math.log(prodNeg);
  }
  return linear + logs;
}
