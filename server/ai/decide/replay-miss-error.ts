/**
 * Thrown in replay-only mode when an answer is not in the cache. It is the one AI error that
 * stops a run: the user asked for a run that makes no model calls, and a run that silently
 * called a model (or silently held) would not be the replay they asked for.
 */
export class ReplayMissError extends Error {
  readonly stopsRun = true;
  constructor(
    readonly detail: { nodeId: string; symbol: string; barTime: number; provider: string; model: string },
  ) {
    const day = new Date(detail.barTime).toISOString().slice(0, 16).replace('T', ' ');
    super(
      `replay only: no cached answer for node "${detail.nodeId}" on ${detail.symbol} at ${day} (${detail.provider}/${detail.model}); ` +
        'run once with live calls, or import the strategy’s AI cache',
    );
    this.name = 'ReplayMissError';
  }
}
