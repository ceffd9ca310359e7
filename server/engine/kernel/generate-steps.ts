import type { TPortType } from '@/nodes/sdk';
import type { TPlan, TPlanInput } from '../compile';

/**
 * "Compiling" a plan: each node gets its own small generated loop (column phase), and the
 * trading-phase nodes get one generated step function for the plan. Each generated function has
 * its own source text, hence its own type feedback, so V8 sees one node's `step` at each call
 * site and inlines it; a shared interpreter loop would see every node type at one call site and
 * could inline none. Measured in `npm run bench` (docs/ARCHITECTURE.md, "Why generated loops").
 */

let serial = 0;
const key = (name: string) => JSON.stringify(name);

/** (from, to, inCols, outCols, bars, frame) => void: runs one series node over bars [from, to). */
export type TSeriesLoop = (from: number, to: number, inCols: unknown[], outCols: unknown[], bars: unknown, frame: unknown) => void;

function readColumn(input: TPlanInput, col: string): string {
  const from = input.source!.type;
  if (input.type === 'signal') return `${col}[i] === 1`;
  if (input.type === 'number' && (from === 'number' || from === 'signal')) return `${col}[i]`;
  return `${col}[i]`;
}

function writeColumn(type: TPortType, col: string, value: string): string {
  return type === 'signal' ? `${col}[i] = ${value} ? 1 : 0;` : `${col}[i] = ${value};`;
}

export function generateSeriesLoop(plan: TPlan, k: number): TSeriesLoop {
  const node = plan.nodes[k];
  const lines: string[] = [];
  node.inputs.forEach((input, j) => {
    if (input.source) lines.push(`    fin[${key(input.name)}] = ${readColumn(input, `in${j}`)};`);
  });
  if (node.def.readsBar) lines.unshift('    bar.index = i;');
  lines.push('    step(frame);');
  node.outputs.forEach((output, j) => lines.push(`    ${writeColumn(output.type, `out${j}`, `fout[${key(output.name)}]`)}`));
  const source = `// series loop ${serial++}: ${node.def.type} "${node.id.replace(/[^\w-]/g, '_')}"
return function seriesLoop(from, to, inCols, outCols, bars, frame) {
  const fin = frame.in, fout = frame.out, bar = frame.ctx.bar;
  bar.columns = bars;
${node.inputs.map((_, j) => `  const in${j} = inCols[${j}];`).join('\n')}
${node.outputs.map((_, j) => `  const out${j} = outCols[${j}];`).join('\n')}
  for (let i = from; i < to; i++) {
${lines.join('\n')}
  }
};`;
  return new Function('step', source)(node.def.step) as TSeriesLoop;
}

/**
 * (i, frames, columns, intents) => number of intents written: steps every trading-phase node
 * on bar i in topological order and collects the orders that reach a sink.
 */
export type TTradingStep = (i: number, frames: unknown[], columns: unknown[][], intents: unknown[]) => number | Promise<number>;

/** Source lines that step every trading-phase node on bar `i` and leave the sink intents in `intents[0..n)`. */
function tradingBodyLines(plan: TPlan, awaitAsync: boolean): string[] {
  const lines: string[] = [];
  plan.nodes.forEach((node, k) => {
    if (node.phase !== 'trading') return;
    lines.push(`f = F[${k}]; fin = f.in;`);
    for (const input of node.inputs) {
      const src = input.source;
      if (!src) continue;
      const producer = plan.nodes[src.node];
      let expr: string;
      if (producer.phase === 'series') {
        const o = producer.outputs.findIndex((x) => x.name === src.port);
        expr = readColumn(input, `C[${src.node}][${o}]`);
      } else {
        expr = `F[${src.node}].out[${key(src.port)}]`;
        if (input.type === 'number' && src.type === 'signal') expr = `(${expr} ? 1 : 0)`;
      }
      lines.push(`fin[${key(input.name)}] = ${expr};`);
    }
    lines.push(`${awaitAsync && node.def.async ? 'await ' : ''}S[${k}](f);`);
  });
  lines.push('n = 0;');
  for (const sink of plan.orderSinks) lines.push(`o = F[${sink.node}].out[${key(sink.port)}]; if (o !== null) intents[n++] = o;`);
  return lines;
}

export function generateTradingStep(plan: TPlan): TTradingStep {
  const source = `// trading step ${serial++}
return ${plan.async ? 'async ' : ''}function tradingStep(i, F, C, intents) {
  let f, fin, n, o;
  ${tradingBodyLines(plan, plan.async).join('\n  ')}
  return n;
};`;
  return new Function('S', source)(plan.nodes.map((n) => n.def.step)) as TTradingStep;
}

/**
 * The bar loop of a synchronous single-symbol run, generated with the trading step written
 * inline, so that the whole per-bar path is one optimised function with call sites of its own.
 * It drives the same KernelRun methods as the generic loop (see run-kernel.ts).
 */
export type TWalkLoop = (run: unknown, from: number, to: number) => void;

export function generateOneSymbolWalk(plan: TPlan): TWalkLoop {
  const source = `// one-symbol walk ${serial++}
return function walkOneSymbol(K, from, to) {
  const time = K.barsOf(0).time, close = K.barsOf(0).close;
  const F = K.framesOf(0), C = K.columnsOf(0), intents = K.intents, bar = K.barViewOf(0);
  const broker = K.broker, portfolio = K.portfolio, warmup = K.warmup;
  let f, fin, n, o;
  for (let i = from; i < to; i++) {
    const t = time[i];
    K.beginMoment(t);
    broker.onBarOpen(0, i);
    portfolio.mark(0, close[i]);
    portfolio.revalue();
    if (i >= warmup) {
      bar.index = i;
      ${tradingBodyLines(plan, false).join('\n      ')}
      if (n !== 0) K.submitIntents(0, i, n);
    }
    broker.onBarClose(0, i);
    K.endMoment(t);
  }
};`;
  return new Function('S', source)(plan.nodes.map((n) => n.def.step)) as TWalkLoop;
}
