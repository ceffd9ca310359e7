// What every provider shares: the fetchBars = all pages helper and field access that fails clearly.
import type { TBarColumns } from '../bar-columns';
import { concatBars } from './bar-builder';
import { TProviderError } from './provider-error';
import type { TFetchBarsOptions, TMarketDataProvider, TProviderId } from './provider-types';

export async function collectPages(provider: Pick<TMarketDataProvider, 'fetchBarPages'>, ...args: Parameters<TMarketDataProvider['fetchBarPages']>): Promise<TBarColumns> {
  const pages: TBarColumns[] = [];
  for await (const page of provider.fetchBarPages(...args)) pages.push(page);
  return concatBars(pages);
}

export type TFetchArgs = [symbol: string, timeframe: Parameters<TMarketDataProvider['fetchBarPages']>[1], from: number, to: number, options?: TFetchBarsOptions];

/** obj[key] or a missing_field error naming the path */
export function field<T = unknown>(provider: TProviderId, obj: unknown, key: string, path = key): T {
  if (obj === null || typeof obj !== 'object' || !(key in obj) || (obj as Record<string, unknown>)[key] === undefined) throw new TProviderError(provider, 'missing_field', { field: path });
  return (obj as Record<string, unknown>)[key] as T;
}

/** A finite number from a number or numeric string, else a bad_value error naming the field. */
export function num(provider: TProviderId, value: unknown, path: string): number {
  const v = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(v)) throw new TProviderError(provider, 'bad_value', { field: path, value: String(value).slice(0, 40) });
  return v;
}

export function assertArray(provider: TProviderId, value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new TProviderError(provider, 'bad_value', { field: path, value: typeof value });
  return value;
}
