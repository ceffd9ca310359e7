/**
 * Real instants (epoch ms UTC) ↔ exchange-local wall-clock time encoded "as if UTC", the time
 * the engine and the market calendars use. Asia/Shanghai and Asia/Hong_Kong have had no DST
 * since 1991/1979, but America/New_York has, so the offset is asked of Intl per instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** ms to add to a UTC instant to get the zone's wall clock at that instant. */
export function zoneOffsetMs(timezone: string, utcMs: number): number {
  if (timezone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(timezone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

export function toLocalTime(timezone: string, utcMs: number): number {
  return utcMs + zoneOffsetMs(timezone, utcMs);
}

/** The instant a local wall-clock time happens (the later one when a DST change repeats it). */
export function toUtcTime(timezone: string, localMs: number): number {
  let guess = localMs - zoneOffsetMs(timezone, localMs);
  for (let k = 0; k < 2; k++) guess = localMs - zoneOffsetMs(timezone, guess);
  return guess;
}
