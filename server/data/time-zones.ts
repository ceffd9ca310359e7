/**
 * Exchange-local wall-clock time (epoch ms "as if UTC", see docs/ARCHITECTURE.md) from and to
 * real instants. Providers answer in UTC (Binance, Yahoo) or in a zone of their own; imported
 * files may be in any zone the user names. Intl does the zone maths, so DST (US) is right.
 */
import type { TMarketId } from '@/server/markets/types';

const EXCHANGE_ZONES: Record<TMarketId, string> = {
  'cn-a': 'Asia/Shanghai',
  hk: 'Asia/Hong_Kong',
  us: 'America/New_York',
  crypto: 'UTC',
};

export function exchangeTimeZone(market: TMarketId): string {
  return EXCHANGE_ZONES[market];
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(utcMs: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const parts = formatter(zone).formatToParts(new Date(Math.floor(utcMs / 1000) * 1000));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** A real instant → wall-clock ms in `zone`. */
export function toWallClock(utcMs: number, zone: string): number {
  return utcMs + zoneOffsetMs(utcMs, zone);
}

/**
 * Wall-clock ms in `zone` → the real instant. Two passes settle the offset across a DST change;
 * a wall time that does not exist (spring forward) maps to the instant one offset earlier.
 */
export function fromWallClock(wallMs: number, zone: string): number {
  let utc = wallMs - zoneOffsetMs(wallMs, zone);
  utc = wallMs - zoneOffsetMs(utc, zone);
  return utc;
}

/** Wall-clock ms in one zone → wall-clock ms in another (a file in UTC → exchange-local). */
export function convertWallClock(wallMs: number, fromZone: string, toZone: string): number {
  if (fromZone === toZone) return wallMs;
  return toWallClock(fromWallClock(wallMs, fromZone), toZone);
}
