/**
 * CN A-share code → exchange / board / instrument kind, from the code alone.
 *
 * Sources: SSE 《证券代码分配规则》 and SZSE 《证券代码区间分配表》 (code ranges);
 * BSE: codes 43xxxx / 83xxxx / 87xxxx / 88xxxx inherited from NEEQ and the 920xxx range the
 * BSE introduced for new listings (BSE notice on the new code segment, 2024); SZSE merged the
 * SME board (002/003/004) into the main board on 2021-04-06 (SZSE notice 2021-02-05).
 */
import type { TBoard } from '../types';

export type TCnExchange = 'SSE' | 'SZSE' | 'BSE';
export type TCnKind = 'stock' | 'etf' | 'index' | 'b-share' | 'other';

export interface TCnCode {
  code: string;
  suffix: 'SH' | 'SZ' | 'BJ';
  exchange: TCnExchange;
  board: TBoard;
  kind: TCnKind;
  currency: string;
}

const SUFFIX_EXCHANGE = { SH: 'SSE', SZ: 'SZSE', BJ: 'BSE' } as const;

/** Classifies a 6-digit code with its exchange suffix. Unknown ranges fall back to main-board stock rules. */
export function classifyCnCode(code: string, suffix: 'SH' | 'SZ' | 'BJ'): TCnCode {
  const exchange = SUFFIX_EXCHANGE[suffix];
  const base = { code, suffix, exchange, currency: 'CNY' } as const;
  const p3 = code.slice(0, 3);
  const p2 = code.slice(0, 2);
  if (suffix === 'SH') {
    if (p3 === '688' || p3 === '689') return { ...base, board: 'star', kind: 'stock' };
    if (['600', '601', '603', '605'].includes(p3)) return { ...base, board: 'sse-main', kind: 'stock' };
    if (['50', '51', '52', '56', '58'].includes(p2)) return { ...base, board: 'etf', kind: 'etf' };
    if (p3 === '000' || p3 === '880' || p3 === '999') return { ...base, board: 'index', kind: 'index' };
    if (p3 === '900') return { ...base, board: 'sse-main', kind: 'b-share', currency: 'USD' };
    return { ...base, board: 'sse-main', kind: 'other' };
  }
  if (suffix === 'SZ') {
    if (['300', '301', '302'].includes(p3)) return { ...base, board: 'chinext', kind: 'stock' };
    if (['000', '001', '002', '003', '004'].includes(p3)) return { ...base, board: 'szse-main', kind: 'stock' };
    if (['15', '16', '18'].includes(p2)) return { ...base, board: 'etf', kind: 'etf' };
    if (p3 === '399') return { ...base, board: 'index', kind: 'index' };
    if (p3 === '200') return { ...base, board: 'szse-main', kind: 'b-share', currency: 'HKD' };
    return { ...base, board: 'szse-main', kind: 'other' };
  }
  if (p3 === '899') return { ...base, board: 'index', kind: 'index' };
  return { ...base, board: 'bse', kind: ['43', '83', '87', '88'].includes(p2) || p3 === '920' ? 'stock' : 'other' };
}

/** Exchange suffix for a bare 6-digit code (600519 → SH, 000001 → SZ, 830799 → BJ). */
export function guessCnSuffix(code: string): 'SH' | 'SZ' | 'BJ' | null {
  if (!/^\d{6}$/.test(code)) return null;
  if (code.startsWith('92') || code.startsWith('4') || code.startsWith('8')) return 'BJ';
  if (code.startsWith('6') || code.startsWith('9') || code.startsWith('5')) return 'SH';
  if (code.startsWith('0') || code.startsWith('1') || code.startsWith('2') || code.startsWith('3')) return 'SZ';
  return null;
}
