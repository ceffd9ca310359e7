// The in-process job runner with real handlers (no mocks): progress, cancel through the signal,
// the concurrency limit, FIFO order, failures, and close().
import { describe, expect, it } from 'vitest';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import type { TJobContext, TJobEvent } from '@/server/jobs/types';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A handler that works in `steps` slices, yielding between them, until done or aborted. */
function stepper(steps: number, log: string[] = []) {
  return async (payload: { name: string }, ctx: TJobContext) => {
    log.push(`start ${payload.name}`);
    for (let i = 1; i <= steps; i++) {
      if (ctx.signal.aborted) {
        log.push(`abort ${payload.name}`);
        return;
      }
      await tick();
      ctx.reportProgress(i, steps);
    }
    log.push(`end ${payload.name}`);
  };
}

describe('InProcessJobRunner', () => {
  it('reports progress to subscribers and ends succeeded', async () => {
    const runner = new InProcessJobRunner({ concurrency: 1 });
    runner.register('work', stepper(10));
    const events: TJobEvent[] = [];
    runner.subscribe((e) => events.push(e));
    await runner.enqueue('work', 'a', { name: 'a' });
    await runner.idle();
    const progress = events.filter((e) => e.type === 'progress').map((e) => e.job.done);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events.filter((e) => e.type === 'state').map((e) => e.job.state)).toEqual(['queued', 'running', 'succeeded']);
    expect(runner.get('a')).toMatchObject({ state: 'succeeded', done: 10, total: 10 });
  });

  it('never runs more than `concurrency` jobs at once and starts them in FIFO order', async () => {
    const runner = new InProcessJobRunner({ concurrency: 2 });
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    runner.register<{ name: string }>('work', async (p) => {
      order.push(p.name);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
    });
    for (const name of ['1', '2', '3', '4', '5']) await runner.enqueue('work', name, { name });
    expect(runner.get('3')?.state).toBe('queued');
    await runner.idle();
    expect(peak).toBe(2);
    expect(order).toEqual(['1', '2', '3', '4', '5']);
  });

  it('cancels a running job through its AbortSignal and a queued job before it starts', async () => {
    const runner = new InProcessJobRunner({ concurrency: 1 });
    const log: string[] = [];
    runner.register('work', stepper(1000, log));
    await runner.enqueue('work', 'long', { name: 'long' });
    await runner.enqueue('work', 'next', { name: 'next' });
    while ((runner.get('long')?.done ?? 0) < 3) await tick();
    expect(await runner.cancel('next')).toBe(true);
    expect(runner.get('next')?.state).toBe('cancelled');
    expect(await runner.cancel('long')).toBe(true);
    await runner.idle();
    expect(runner.get('long')?.state).toBe('cancelled');
    expect(runner.get('long')!.done).toBeLessThan(1000);
    expect(log).toEqual(['start long', 'abort long']); // "next" never started
    expect(await runner.cancel('long')).toBe(false); // finished: nothing to cancel
    expect(await runner.cancel('unknown')).toBe(false);
  });

  it('records a handler failure without stopping the queue', async () => {
    const runner = new InProcessJobRunner({ concurrency: 1 });
    runner.register<{ fail: boolean }>('work', async (p) => {
      if (p.fail) throw new Error('data file is gone');
    });
    await runner.enqueue('work', 'bad', { fail: true });
    await runner.enqueue('work', 'good', { fail: false });
    await runner.idle();
    expect(runner.get('bad')).toMatchObject({ state: 'failed', error: 'data file is gone' });
    expect(runner.get('good')?.state).toBe('succeeded');
  });

  it('refuses unknown kinds and duplicate active ids; close() cancels everything', async () => {
    const runner = new InProcessJobRunner({ concurrency: 1 });
    runner.register('work', stepper(1000));
    await expect(runner.enqueue('nope', 'x', {})).rejects.toThrow(/no handler/);
    await runner.enqueue('work', 'x', { name: 'x' });
    await expect(runner.enqueue('work', 'x', { name: 'x' })).rejects.toThrow(/already/);
    await runner.enqueue('work', 'y', { name: 'y' });
    await runner.close();
    expect(runner.get('x')?.state).toBe('cancelled');
    expect(runner.get('y')?.state).toBe('cancelled');
    await expect(runner.enqueue('work', 'z', { name: 'z' })).rejects.toThrow(/closed/);
  });
});
