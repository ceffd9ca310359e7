/**
 * Columnar cache file of one stored series: the seven Float64 columns back to back after a
 * small header. Reading 300 daily series as rows through the database driver takes seconds;
 * the same bars from these files take tens of milliseconds (measured: docs/ARCHITECTURE.md).
 * The database stays the source of truth: a file whose (seriesId, revision) does not match the
 * series row is stale and rebuilt, so a file can always be deleted safely.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TBarColumns } from './bar-columns';

const MAGIC = 'NOFXBC01';
const HEADER_BYTES = 8 + 3 * 8;

export function barCacheDir(dataDir: string): string {
  return path.join(dataDir, 'bar-cache');
}

export function barCachePath(dir: string, seriesId: number): string {
  return path.join(dir, `series-${seriesId}.bin`);
}

export function writeBarCacheFile(file: string, key: { seriesId: number; revision: number }, bars: TBarColumns): void {
  const n = bars.length;
  const buffer = Buffer.alloc(HEADER_BYTES + 7 * n * 8);
  buffer.write(MAGIC, 0, 'latin1');
  const header = new Float64Array(buffer.buffer, buffer.byteOffset + 8, 3);
  header[0] = key.seriesId;
  header[1] = key.revision;
  header[2] = n;
  const columns = [bars.time, bars.open, bars.high, bars.low, bars.close, bars.volume, bars.amount];
  columns.forEach((col, k) => new Float64Array(buffer.buffer, buffer.byteOffset + HEADER_BYTES + k * n * 8, n).set(col.subarray(0, n)));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a reader never sees half a file, even with two processes writing.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, buffer);
  fs.renameSync(tmp, file);
}

/** The cached columns, or null when the file is missing, foreign, truncated or stale. */
export function readBarCacheFile(file: string, key: { seriesId: number; revision: number }): TBarColumns | null {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (raw.length < HEADER_BYTES || raw.toString('latin1', 0, 8) !== MAGIC) return null;
  // Float64Array views need 8-byte alignment; Buffers from the pool may not have it.
  const bytes = raw.byteOffset % 8 === 0 ? raw : new Uint8Array(raw);
  const header = new Float64Array(bytes.buffer, bytes.byteOffset + 8, 3);
  const n = header[2];
  if (header[0] !== key.seriesId || header[1] !== key.revision || raw.length !== HEADER_BYTES + 7 * n * 8) return null;
  const col = (k: number) => new Float64Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + k * n * 8, n);
  return { time: col(0), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5), amount: col(6), length: n };
}
