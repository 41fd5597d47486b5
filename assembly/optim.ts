// Optimizer updates over the flat parameter buffer.

/**
 * Adam (decoupled = false: L2 folded into g, as torch.optim.Adam) or AdamW (decoupled decay).
 * f32x4 over the bulk (as PyTorch, float32 arithmetic; the scalar float64 loop was slower than
 * plain JS), float64 for the last len % 4 values.
 */
export function adamStep(
  p: usize, g: usize, m: usize, v: usize, len: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, weightDecay: f64, decoupled: bool, t: f64,
): void {
  const bc1 = 1.0 - Math.pow(beta1, t);
  const bc2 = 1.0 - Math.pow(beta2, t);
  const stepSize = lr / bc1;
  const sqrtBc2 = Math.sqrt(bc2);
  const decay = 1.0 - lr * weightDecay;
  const l2 = decoupled ? 0.0 : weightDecay;
  const b1 = f32x4.splat(<f32>beta1), c1 = f32x4.splat(<f32>(1.0 - beta1));
  const b2 = f32x4.splat(<f32>beta2), c2 = f32x4.splat(<f32>(1.0 - beta2));
  const stepV = f32x4.splat(<f32>stepSize), invSqrtBc2 = f32x4.splat(<f32>(1.0 / sqrtBc2));
  const epsV = f32x4.splat(<f32>eps), decayV = f32x4.splat(<f32>decay), l2V = f32x4.splat(<f32>l2);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const off = <usize>i << 2;
    let pi = v128.load(p + off);
    let gi = v128.load(g + off);
    if (decoupled) pi = f32x4.mul(pi, decayV);
    else if (weightDecay != 0) gi = f32x4.add(gi, f32x4.mul(l2V, pi));
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m + off)), f32x4.mul(c1, gi));
    const vi = f32x4.add(f32x4.mul(b2, v128.load(v + off)), f32x4.mul(c2, f32x4.mul(gi, gi)));
    v128.store(m + off, mi);
    v128.store(v + off, vi);
    const denom = f32x4.add(f32x4.mul(f32x4.sqrt(vi), invSqrtBc2), epsV);
    v128.store(p + off, f32x4.sub(pi, f32x4.div(f32x4.mul(stepV, mi), denom)));
  }
  for (; i < len; i++) {
    const off = <usize>i << 2;
    let pi = <f64>load<f32>(p + off);
    let gi = <f64>load<f32>(g + off);
    if (decoupled) pi *= decay;
    else gi += l2 * pi;
    const mi = beta1 * <f64>load<f32>(m + off) + (1.0 - beta1) * gi;
    const vi = beta2 * <f64>load<f32>(v + off) + (1.0 - beta2) * gi * gi;
    store<f32>(m + off, <f32>mi);
    store<f32>(v + off, <f32>vi);
    store<f32>(p + off, <f32>(pi - stepSize * mi / (Math.sqrt(vi) / sqrtBc2 + eps)));
  }
}

/** SGD with momentum as torch.optim.SGD (dampening 0). */
export function sgdStep(p: usize, g: usize, vel: usize, len: i32, lr: f64, momentum: f64, weightDecay: f64, nesterov: bool): void {
  for (let i = 0; i < len; i++) {
    const off = <usize>i << 2;
    const pi = <f64>load<f32>(p + off);
    let gi = <f64>load<f32>(g + off) + weightDecay * pi;
    const vi = momentum * <f64>load<f32>(vel + off) + gi;
    store<f32>(vel + off, <f32>vi);
    store<f32>(p + off, <f32>(pi - lr * (nesterov ? gi + momentum * vi : vi)));
  }
}
