import type { TAnyNodeDefinition } from '../sdk';

export const CANDLE_PATTERN_NODES: readonly TAnyNodeDefinition[] = [];
