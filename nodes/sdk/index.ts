export * from './ports';
export * from './context';
export * from './define-node';
export * from './graph-schema';
export * from './migrate-graph';
export * from './rolling-window';
export * from './llm-port';
