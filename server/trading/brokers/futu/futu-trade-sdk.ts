/**
 * The boundary to the `futu-api` npm package (Futu's official JavaScript SDK, a WebSocket client
 * of FutuOpenD). This interface is the part of its `ftWebsocket` class the live broker uses;
 * tests pass a hand-written stub of it (tests/unit/trading/futu-sdk-stub.ts) that answers with
 * the documented replies, because OpenD — a logged-in desktop gateway — cannot run here. That stub
 * is the one hand-written stand-in in the trading code: everything above this interface is real.
 *
 * The SDK resolves a request with the decoded reply when `retType === 0` and REJECTS with the
 * reply object otherwise (or with a string when the socket is missing); `callFutu` folds both
 * into one `{ retType, retMsg, errCode, s2c }`.
 */
export type TFutuReply<S = unknown> = { retType: number; retMsg?: string; errCode?: number; s2c?: S };
type TReq = { c2s: Record<string, unknown> };

export interface TFutuTradeSdk {
  onlogin: ((ret: boolean, msg: unknown) => void) | null;
  onPush?: ((cmd: number, reply: unknown) => void) | null;
  start(host: string, port: number, ssl: boolean, key: string): void;
  stop(): void;
  getConnID(): number | string;
  GetAccList(req: TReq): Promise<TFutuReply>;
  UnlockTrade(req: TReq): Promise<TFutuReply>;
  PlaceOrder(req: TReq): Promise<TFutuReply>;
  ModifyOrder(req: TReq): Promise<TFutuReply>;
  GetOrderList(req: TReq): Promise<TFutuReply>;
  GetOrderFillList(req: TReq): Promise<TFutuReply>;
  GetPositionList(req: TReq): Promise<TFutuReply>;
  GetFunds(req: TReq): Promise<TFutuReply>;
}

/** Common.RetType */
export const RET = { succeed: 0, failed: -1, timeout: -100, disconnect: -200, unknown: -400, invalid: -500 } as const;

export async function callFutu<S>(request: Promise<TFutuReply>): Promise<TFutuReply<S>> {
  try {
    return (await request) as TFutuReply<S>;
  } catch (err) {
    if (err && typeof err === 'object' && 'retType' in err) return err as TFutuReply<S>;
    return { retType: RET.disconnect, retMsg: typeof err === 'string' ? err : err instanceof Error ? err.message : 'disconnected' };
  }
}

/** Loads the real SDK. Its socket is the global `WebSocket`: Node ≥ 22, or Node 20 started with --experimental-websocket. */
export async function loadFutuTradeSdk(): Promise<TFutuTradeSdk> {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
    throw new Error('this Node.js has no global WebSocket, which futu-api needs: use Node ≥ 22, or start Node 20 with --experimental-websocket');
  }
  const name = 'futu-api'; // a variable specifier keeps bundlers from pulling protobufjs into every build
  const mod = (await import(/* webpackIgnore: true */ name)) as { default: new () => TFutuTradeSdk };
  return new mod.default();
}
