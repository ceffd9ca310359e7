/**
 * Runs traders inside a long-lived process (the app's server by default). Each running trader
 * is one `runTrader` promise with its own abort controller; the manager turns how it ends into
 * the trader's status: stopped on purpose, stopped because a replay ran out of bars, or error /
 * paused with the reason (broker unreachable, store failing, graph no longer compiling) — never
 * an unhandled rejection that takes the process down. `resumeAll` restarts what was running
 * before the process stopped; their journals make that safe.
 */
import type { TLlmPort } from '@/nodes/sdk';
import type { TExternalBroker } from './brokers/external-broker';
import type { TBarSource } from './feeds/bar-source';
import { runTrader, TraderStartError, type TTraderHandle } from './run-trader';
import type { TTimer } from './scheduler/timer';
import type { TTraderSpec, TTraderStatus, TTraderStore } from './types';

/** Everything one run needs, built fresh per start. */
export interface TTraderLaunch {
  spec: TTraderSpec;
  ownerId: string;
  source: TBarSource;
  timer: TTimer;
  delayMs?: number;
  until?: number;
  broker: TExternalBroker | null;
  llm: TLlmPort | null;
}

/** The manager's view of the database (implemented by server/services/trader). */
export interface TTraderRepository {
  launch(traderId: string): Promise<TTraderLaunch>;
  setStatus(traderId: string, status: TTraderStatus, reason: string): Promise<void>;
  setActiveFrom(traderId: string, time: number): Promise<void>;
  /** traders whose status says they should be running (or paused) */
  listActive(): Promise<Array<{ id: string; status: TTraderStatus }>>;
  /** the kill switch for paper traders: orders still waiting are cancelled in the journal */
  cancelOpenOrders(traderId: string, reason: string): Promise<number>;
  store: TTraderStore;
}

interface TRun {
  controller: AbortController;
  handle: TTraderHandle | null;
  broker: TExternalBroker | null;
  pausedAtStart: boolean;
  done: Promise<void>;
}

export class TraderManager {
  private readonly runs = new Map<string, TRun>();

  constructor(private readonly repo: TTraderRepository) {}

  isRunning(id: string): boolean {
    return this.runs.has(id);
  }

  /** Starts the trader unless it runs already; resolves once it is launched (not when it ends). */
  async start(id: string, options: { paused?: boolean } = {}): Promise<void> {
    if (this.runs.has(id)) return;
    let launch: TTraderLaunch;
    try {
      launch = await this.repo.launch(id);
    } catch (err) {
      await this.repo.setStatus(id, 'error', reasonOf(err));
      await this.log(id, 'error', 'start_failed', reasonOf(err));
      return;
    }
    const controller = new AbortController();
    const run: TRun = { controller, handle: null, broker: launch.broker, pausedAtStart: options.paused ?? false, done: Promise.resolve() };
    this.runs.set(id, run);
    await this.repo.setStatus(id, options.paused ? 'paused' : 'running', '');
    run.done = runTrader(launch.spec, {
      store: this.repo.store,
      source: launch.source,
      timer: launch.timer,
      llm: launch.llm,
      broker: launch.broker,
      signal: controller.signal,
      delayMs: launch.delayMs,
      until: launch.until,
      onActiveFrom: (t) => this.repo.setActiveFrom(id, t),
      onReady: (handle) => {
        run.handle = handle;
        if (run.pausedAtStart) handle.pause();
      },
    }).then(
      async () => {
        this.runs.delete(id);
        if (!controller.signal.aborted) {
          await this.repo.setStatus(id, 'stopped', 'the replay has no more bars');
          await this.log(id, 'info', 'replay_finished', 'the replay has no more bars');
        }
      },
      async (err: unknown) => {
        this.runs.delete(id);
        if (controller.signal.aborted) return;
        const reason = reasonOf(err);
        console.error(`[trader ${id}] stopped: ${reason}`);
        await this.repo.setStatus(id, 'error', reason).catch(() => undefined);
        await this.log(id, 'error', err instanceof TraderStartError ? err.code : 'runtime_error', reason);
      },
    );
  }

  async pause(id: string): Promise<void> {
    const run = this.runs.get(id);
    if (!run) return this.start(id, { paused: true });
    run.pausedAtStart = true;
    run.handle?.pause();
    await this.repo.setStatus(id, 'paused', '');
    await this.log(id, 'info', 'paused', 'paused: bars are still followed, no new orders');
  }

  async resume(id: string): Promise<void> {
    const run = this.runs.get(id);
    if (!run) return this.start(id);
    run.pausedAtStart = false;
    run.handle?.resume();
    await this.repo.setStatus(id, 'running', '');
    await this.log(id, 'info', 'resumed', 'resumed');
  }

  /** Stops the run; with `cancelOrders` (the kill switch) open orders are cancelled first. */
  async stop(id: string, options: { cancelOrders?: boolean; reason?: string } = {}): Promise<void> {
    const run = this.runs.get(id);
    if (options.cancelOrders) {
      let cancelled = 0;
      if (run?.broker) cancelled = await run.broker.cancelAll().catch(() => 0);
      cancelled += await this.repo.cancelOpenOrders(id, 'cancelled by the kill switch');
      await this.log(id, 'warn', 'kill_switch', `kill switch: ${cancelled} open orders cancelled, trader stopped`);
    }
    if (run) {
      run.controller.abort();
      await run.done.catch(() => undefined);
      this.runs.delete(id);
    }
    await this.repo.setStatus(id, 'stopped', options.reason ?? '');
    if (!options.cancelOrders) await this.log(id, 'info', 'stopped', 'stopped');
  }

  /** After a process start: traders that were running (or paused) run again. */
  async resumeAll(): Promise<number> {
    const active = await this.repo.listActive();
    for (const t of active) await this.start(t.id, { paused: t.status === 'paused' });
    return active.length;
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      [...this.runs.entries()].map(async ([, run]) => {
        run.controller.abort();
        await run.done.catch(() => undefined);
      }),
    );
    this.runs.clear();
  }

  private async log(id: string, level: 'info' | 'warn' | 'error', code: string, message: string): Promise<void> {
    await this.repo.store.appendLog(id, { level, code, message, barTime: null }).catch(() => undefined);
  }
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
