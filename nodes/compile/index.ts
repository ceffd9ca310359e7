export { compileGraph } from './compile-graph';
export * from './types';
