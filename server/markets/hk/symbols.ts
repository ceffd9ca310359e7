/**
 * HK code → board and trading currency, from the code alone.
 *
 * Sources: HKEX stock-code allocation plan (GEM 08001–08999; RMB counters 80000–89999 under the
 * HKD-RMB Dual Counter Model launched 2023-06-19). Board lots are NOT derivable from the code:
 * each issuer chooses its own (100, 200, 500, 1000, 2000 …) — see the seed table in
 * ../symbols.ts. When unknown the symbol master assumes 100 and says so (`lotSizeAssumed`).
 */
import type { TBoard } from '../types';

export interface THkCode {
  code: string;
  board: TBoard;
  kind: 'stock' | 'index';
  currency: string;
}

/** '700' / '0700' / '00700' → '00700'; null when not a numeric HK code. */
export function padHkCode(code: string): string | null {
  if (!/^\d{1,5}$/.test(code)) return null;
  return code.padStart(5, '0');
}

export function classifyHkCode(code: string): THkCode {
  const padded = padHkCode(code);
  if (!padded) return { code, board: 'index', kind: 'index', currency: 'HKD' }; // HSI, HSCEI, HSTECH …
  const n = Number(padded);
  if (n >= 8001 && n <= 8999) return { code: padded, board: 'hk-gem', kind: 'stock', currency: 'HKD' };
  if (n >= 80000 && n <= 89999) return { code: padded, board: 'hk-main', kind: 'stock', currency: 'CNY' };
  return { code: padded, board: 'hk-main', kind: 'stock', currency: 'HKD' };
}

/** Board lot assumed when the symbol master has none. */
export const HK_DEFAULT_LOT = 100;
