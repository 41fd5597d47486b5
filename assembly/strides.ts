// Row strides known when the module is compiled. V8 folds a constant into an x64 address, but not a
// run-time value: a kernel reading four rows at [x], [x + rowX], [x + 2·rowX], [x + 3·rowX] spends an
// address add per row per step unless rowX is a constant. Generic kernels take one of these classes
// and read its size with offsetof<R>() (a compile-time constant); RuntimeStride (size 0) means "the
// stride passed at run time". The classes are never instantiated: only their sizes matter.

/** 7 floats: the input rows of `tracehound bench`'s network. */
@unmanaged export class Floats7 { a: f32; b: f32; c: f32; d: f32; e: f32; f: f32; g: f32; }
/** 12 floats: the default model's input rows (src/features/presets.ts). */
@unmanaged export class Floats12 { a: v128; b: v128; c: v128; }
/** 32 floats: rows of a 32-unit layer. */
@unmanaged export class Floats32 { a: v128; b: v128; c: v128; d: v128; e: v128; f: v128; g: v128; h: v128; }
/** 64 floats: rows of a 64-unit layer. */
@unmanaged export class Floats64 {
  a: v128; b: v128; c: v128; d: v128; e: v128; f: v128; g: v128; h: v128;
  i: v128; j: v128; k: v128; l: v128; m: v128; n: v128; o: v128; p: v128;
}
/** The stride is a run-time value. */
@unmanaged export class RuntimeStride {}
