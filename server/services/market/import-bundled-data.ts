/**
 * Seed step: every file in data/market goes into the bar store once (and again only when the
 * file's bytes change, by sha256). Volume becomes shares (Tushare A-share qfq files count lots
 * of 100); the adjustment comes from the file name (SOURCES.md); rows the files get wrong
 * (00700.HK_daily has Yahoo rows with high < low) are skipped and recorded on the import row.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundledVolumeMultiplier, parseBundledFileName } from '@/server/data/bundled-market-data';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { exchangeTimeZone } from '@/server/data/time-zones';
import type { TDb } from '@/server/db';
import { inferMarket } from '@/server/markets';
import { BUNDLED_IMPORTED_KEY } from './get-market-data';
import { toRowErrorDtos } from './row-errors';
import { writeBars } from './write-bars';

export type TBundledImportReport = { file: string; status: 'imported' | 'unchanged' | 'failed'; bars: number; skipped: number; ms: number }[];

export async function importBundledData(db: TDb, dir = path.join(process.cwd(), 'data', 'market')): Promise<TBundledImportReport> {
  const report: TBundledImportReport = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => parseBundledFileName(f)).sort() : [];
  for (const file of files) {
    const t0 = performance.now();
    const key = parseBundledFileName(file)!;
    const bytes = fs.readFileSync(path.join(dir, file));
    const checksum = createHash('sha256').update(bytes).digest('hex');
    const settingKey = `market.bundled.${file}`;
    const done = await db.appSetting.findUnique({ where: { key: settingKey } });
    if (done?.value === checksum) {
      report.push({ file, status: 'unchanged', bars: 0, skipped: 0, ms: performance.now() - t0 });
      continue;
    }
    const source = `bundled:${file}`;
    const parsed = parseBarsCsv(bytes, { skipBadRows: true, maxErrors: 10_000 });
    const record = { kind: 'bundled', ...key, source, checksum };
    if (!parsed.ok) {
      await db.marketDataImport.create({
        data: { ...record, status: 'failed', errorCode: 'file_unreadable', rowErrorsJson: JSON.stringify(toRowErrorDtos(parsed.errors)), finishedAt: new Date() },
      });
      report.push({ file, status: 'failed', bars: 0, skipped: parsed.totalErrors, ms: performance.now() - t0 });
      continue;
    }
    const multiplier = bundledVolumeMultiplier(file);
    if (multiplier !== 1) for (let i = 0; i < parsed.bars.length; i++) parsed.bars.volume[i] *= multiplier;
    const market = inferMarket(key.symbol);
    // Binance candles are stamped with their open time; the Chinese and HK vendors' with their end.
    const barTime = market === 'crypto' ? 'start' : 'end';
    await writeBars(db, key, { source, barTime, timeZone: exchangeTimeZone(market) }, parsed.bars);
    await db.marketDataImport.create({
      data: {
        ...record,
        status: 'succeeded',
        progress: 1,
        rowsRead: parsed.bars.length + parsed.totalSkipped,
        rowsWritten: parsed.bars.length,
        rowsSkipped: parsed.totalSkipped,
        rowErrorsJson: parsed.totalSkipped ? JSON.stringify(toRowErrorDtos(parsed.skipped)) : null,
        finishedAt: new Date(),
      },
    });
    await db.appSetting.upsert({ where: { key: settingKey }, create: { key: settingKey, value: checksum }, update: { value: checksum } });
    report.push({ file, status: 'imported', bars: parsed.bars.length, skipped: parsed.totalSkipped, ms: performance.now() - t0 });
  }
  await db.appSetting.upsert({ where: { key: BUNDLED_IMPORTED_KEY }, create: { key: BUNDLED_IMPORTED_KEY, value: new Date().toISOString() }, update: {} });
  return report;
}
