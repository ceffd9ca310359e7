import type { TPortType } from '@/nodes/sdk';
import type { TPlan, TPlanInput } from '../compile';

/**
 * "Compiling" a plan: each node gets its own small generated loop (column phase), and the
 * trading-phase nodes get one generated step function for the plan. Each generated function has
 * its own source text, hence its own type feedback, so V8 sees one node's `step` at each call
 * site and inlines it; a shared interpreter loop would see every node type at one call site and
 * could inline none. Measured in `npm run bench` (docs/ARCHITECTURE.md, "Why generated loops").
 */

/**
 * Generated sources name what they run (node types, wiring) instead of carrying a serial number,
 * and each distinct source is compiled once per process (`compile`): closures made by one
 * compiled factory share V8's type feedback and optimised code, so a plan run again (the
 * bench's repeats, a parameter sweep, every backtest of a template) starts with optimised code,
 * while plans with different node types get distinct text and their own feedback.
 */
function planSignature(plan: TPlan): string {
  return plan.nodes.map((n) => `${n.def.type}@${n.def.version}:${n.phase[0]}`).join(',');
}
const key = (name: string) => JSON.stringify(name);

const factories = new Map<string, (arg: unknown) => unknown>();
const MAX_FACTORIES = 500;

/** `new Function(param, source)`, once per distinct source; the factory is then called with `arg`. */
function compile<T>(param: string, source: string, arg: unknown): T {
  let factory = factories.get(source);
  if (!factory) {
    if (factories.size >= MAX_FACTORIES) factories.clear(); // many distinct plans: start over rather than grow
    factory = new Function(param, source) as (arg: unknown) => unknown;
    factories.set(source, factory);
  }
  return factory(arg) as T;
}

/**
 * (from, to, inCols, outCols, bars, frame, base) => void: runs one series node over column
 * indexes [from, to), which hold bars [base + from, base + to) (base is 0 when columns span the
 * whole series, the block's first bar when they hold one block).
 */
export type TSeriesLoop = (from: number, to: number, inCols: unknown[], outCols: unknown[], bars: unknown, frame: unknown, base: number) => void;

/** Reads input `input` from column expression `col` at index expression `at`. */
function readColumn(input: TPlanInput, col: string, at = 'i'): string {
  if (input.type === 'signal') return `${col}[${at}] === 1`;
  return `${col}[${at}]`;
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
  if (node.def.readsBar) lines.unshift('    bar.index = base + i;');
  lines.push('    step(frame);');
  node.outputs.forEach((output, j) => lines.push(`    ${writeColumn(output.type, `out${j}`, `fout[${key(output.name)}]`)}`));
  const source = `// series loop: ${node.def.type}@${node.def.version}
return function seriesLoop(from, to, inCols, outCols, bars, frame, base) {
  const fin = frame.in, fout = frame.out, bar = frame.ctx.bar;
  bar.columns = bars;
${node.inputs.map((_, j) => `  const in${j} = inCols[${j}];`).join('\n')}
${node.outputs.map((_, j) => `  const out${j} = outCols[${j}];`).join('\n')}
  for (let i = from; i < to; i++) {
${lines.join('\n')}
  }
};`;
  return compile<TSeriesLoop>('step', source, node.def.step);
}

/**
 * (i, frames, columns, intents) => number of intents written: steps every trading-phase node
 * on bar i in topological order and collects the orders that reach a sink.
 */
export type TTradingStep = (i: number, frames: unknown[], columns: unknown[][], intents: unknown[]) => number | Promise<number>;

/**
 * Source lines that step every trading-phase node on bar `i` and leave the sink intents in
 * `intents[0..n)`. Series columns are read at index expression `at`.
 */
function tradingBodyLines(plan: TPlan, awaitAsync: boolean, at = 'i', hoisted = false): string[] {
  const lines: string[] = [];
  plan.nodes.forEach((node, k) => {
    if (node.phase !== 'trading') return;
    lines.push(hoisted ? `f = F${k}; fin = I${k};` : `f = F[${k}]; fin = f.in;`);
    for (const input of node.inputs) {
      const src = input.source;
      if (!src) continue;
      const producer = plan.nodes[src.node];
      let expr: string;
      if (producer.phase === 'series') {
        const o = producer.outputs.findIndex((x) => x.name === src.port);
        expr = readColumn(input, hoisted ? `C${src.node}_${o}` : `C[${src.node}][${o}]`, at);
      } else {
        expr = hoisted ? `O${src.node}[${key(src.port)}]` : `F[${src.node}].out[${key(src.port)}]`;
        if (input.type === 'number' && src.type === 'signal') expr = `(${expr} ? 1 : 0)`;
      }
      lines.push(`fin[${key(input.name)}] = ${expr};`);
    }
    lines.push(`${awaitAsync && node.def.async ? 'await ' : ''}S[${k}](f);`);
  });
  lines.push('n = 0;');
  for (const sink of plan.orderSinks) lines.push(`o = ${hoisted ? `O${sink.node}` : `F[${sink.node}].out`}[${key(sink.port)}]; if (o !== null) intents[n++] = o;`);
  return lines;
}

/**
 * For the one-symbol walk: the trading frames, their in/out objects and the series columns
 * they read, loaded once per walk call. Read inside the bar loop, V8 reloaded each from its
 * array after every call it could not see through (a port, submitIntents).
 */
function hoistLines(plan: TPlan): string[] {
  const lines: string[] = [];
  const columns = new Set<string>();
  plan.nodes.forEach((node, k) => {
    if (node.phase !== 'trading') return;
    lines.push(`const F${k} = F[${k}], I${k} = F${k}.in, O${k} = F${k}.out;`);
    for (const input of node.inputs) {
      const src = input.source;
      if (!src || plan.nodes[src.node].phase !== 'series') continue;
      const o = plan.nodes[src.node].outputs.findIndex((x) => x.name === src.port);
      const name = `C${src.node}_${o}`;
      if (!columns.has(name)) lines.push(`const ${name} = C[${src.node}][${o}];`);
      columns.add(name);
    }
  });
  for (const sink of plan.orderSinks) {
    if (plan.nodes[sink.node].phase !== 'trading') lines.push(`const O${sink.node} = F[${sink.node}].out;`);
  }
  return lines;
}

export function generateTradingStep(plan: TPlan): TTradingStep {
  const source = `// trading step: ${planSignature(plan)}
return ${plan.async ? 'async ' : ''}function tradingStep(i, F, C, intents) {
  let f, fin, n, o;
  ${tradingBodyLines(plan, plan.async).join('\n  ')}
  return n;
};`;
  return compile<TTradingStep>('S', source, plan.nodes.map((n) => n.def.step));
}

/**
 * The bar loop of a synchronous single-symbol run over bars [from, to), whose series columns
 * hold one block starting at bar `base`. Generated with the trading step written inline, so
 * the whole per-bar path is one optimised function with call sites of its own. It drives the
 * same KernelRun methods as the generic loop (see run-kernel.ts), except that it writes the
 * equity point itself: the curve's times are the bar times, which the run returns as they are.
 */
export type TWalkLoop = (run: unknown, from: number, to: number, base: number) => void;

export function generateOneSymbolWalk(plan: TPlan): TWalkLoop {
  const source = `// one-symbol walk: ${planSignature(plan)}
return function walkOneSymbol(K, from, to, base) {
  const bars = K.barsOf(0), time = bars.time, close = bars.close;
  const F = K.framesOf(0), C = K.columnsOf(0), intents = K.intents, bar = K.barViewOf(0);
  const broker = K.broker, portfolio = K.portfolio, account = portfolio.account, warmup = K.warmup;
  const equity = K.reserveCurve(to - from);
  let point = K.points, exposed = 0;
  let f, fin, n, o;
  ${hoistLines(plan).join('\n  ')}
  for (let i = from; i < to; i++) {
    K.beginMoment(time[i]);
    broker.onBarOpen(0, i);
    portfolio.mark(0, close[i]);
    const value = portfolio.revalue(), fills = portfolio.fillCount;
    if (i >= warmup) {
      bar.index = i;
      ${tradingBodyLines(plan, false, 'i - base', true).join('\n      ')}
      if (n !== 0) K.submitIntents(0, i, n);
    }
    broker.onBarClose(0, i);
    // nothing but a fill moves equity between the two revalues (the mark came before)
    equity[point++] = portfolio.fillCount === fills ? value : portfolio.revalue();
    if (account.openPositions > 0) exposed++;
  }
  K.endWalk(point, exposed);
};`;
  return compile<TWalkLoop>('S', source, plan.nodes.map((n) => n.def.step));
}
