import type { TNodeContext, TPortType, TStepFrame } from '@/nodes/sdk';
import type { TBarColumns } from '@/server/data/bar-columns';
import type { TPlan } from '../compile';
import { BarView } from './bar-view';

/** The value an unwired input reads, and the value an output holds before its first step. */
export function emptyValue(type: TPortType): number | boolean | null {
  return type === 'number' ? NaN : type === 'signal' ? false : null;
}

export type TFrame = TStepFrame<unknown, unknown, Record<string, unknown>, Record<string, unknown>>;

/**
 * One frame per plan node for one symbol: fresh state from `init`, and in/out objects whose
 * keys all exist from the start so V8 keeps one hidden class per node for the whole run.
 */
export function createFrames(plan: TPlan, ctx: TNodeContext): TFrame[] {
  return plan.nodes.map((node) => {
    const inputs: Record<string, unknown> = {};
    for (const input of node.inputs) inputs[input.name] = emptyValue(input.type);
    const outputs: Record<string, unknown> = {};
    for (const output of node.outputs) outputs[output.name] = emptyValue(output.type);
    return { nodeId: node.id, params: node.params, state: node.def.init(node.params as never), in: inputs, out: outputs, ctx };
  });
}

export interface TKernelContext extends TNodeContext {
  bar: BarView;
}

export function createContext(symbol: string, position: TNodeContext['position'], account: TNodeContext['account'], llm: TNodeContext['llm'], bars: TBarColumns): TKernelContext {
  const bar = new BarView(bars);
  return { symbol, bar, position, account, llm, recentBars: (count) => bar.recent(count) };
}
