export { compileGraph, type TCompileOptions } from './compile-graph';
export * from './types';
