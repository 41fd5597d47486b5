// c + a·b on four lanes, the inner step of every matrix product. scripts/build-wasm.mjs builds the
// kernels twice: build/kernels-fma.wasm with relaxed SIMD, where this is one fused multiply-add
// (vfmadd on x64: half the floating-point instructions, 1.4–1.9× on the large layer), and
// build/kernels.wasm without it (mul then add, bit-exact on every machine), the fallback when the
// runtime cannot compile relaxed SIMD (src/nn/kernels-wasm.ts).

@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}
