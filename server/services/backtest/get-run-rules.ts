// The market rules a run traded under, per symbol: what was in force on its first bar, what
// changed before its last bar (a 2015–2024 A-share run crosses the 2022 transfer-fee and the 2023
// stamp-duty cuts), and the costs it used. Built from the same tables the simulated broker reads.
import type { TDb } from '@/server/db';
import { getMarketRules } from '@/server/markets';
import { costsFor, type TCostConfig, type TInstrument, type TMarketRules, type TRuleNote } from '@/server/markets/types';
import { AppError } from '@/server/services/errors';
import { dateToLocalMs } from './resolve-symbols';
import type { TBacktestMarket } from './schemas';
import { parseParams } from './to-run-dto';

export interface TRunRuleDto {
  id: string;
  label: { en: string; zh: string };
  /** the value on the run's first bar */
  value: string;
  since: string;
  source: string;
  /** set when the rule changed during the run: the value in force on its last bar */
  changed?: { value: string; since: string; source: string };
}

export interface TRunRulesDto {
  symbol: string;
  market: TBacktestMarket;
  marketLabel: { en: string; zh: string };
  marketOverridden: boolean;
  timezone: string;
  currency: string;
  lotSize: number;
  rules: TRunRuleDto[];
  /** the cost settings the broker applied (market defaults under the run's own settings) */
  costs: Pick<TCostConfig, 'commissionRate' | 'minCommission' | 'slippageBps'>;
}

/** Markets without their own rule notes (US, crypto) still say what the broker does. */
function genericNotes(rules: TMarketRules, instrument: TInstrument, time: number): TRuleNote[] {
  const fractional = instrument.lotSize === 0;
  return [
    {
      id: 'lot',
      label: { en: 'Order quantity', zh: '申报数量' },
      value: fractional ? `fractional, steps of ${instrument.qtyStep}` : instrument.lotSize > 1 ? `lots of ${instrument.lotSize}` : 'whole shares',
      since: '',
      source: 'market convention',
    },
    {
      id: 'settlement',
      label: { en: 'Settlement', zh: '交收' },
      value: rules.settlementDays(instrument, time) === 1 ? 'T+1: shares bought today sell from the next trading day' : 'T+0: sellable the day they are bought',
      since: '',
      source: 'market convention',
    },
    { id: 'price-limit', label: { en: 'Price limit', zh: '涨跌幅限制' }, value: 'none', since: '', source: 'market convention' },
  ];
}

function notesAt(rules: TMarketRules, instrument: TInstrument, time: number): TRuleNote[] {
  return rules.rulesInForce ? rules.rulesInForce({ instrument, time }) : genericNotes(rules, instrument, time);
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm' (exchange-local, as stored in the run's params) → local ms. */
function localMs(text: string): number {
  return dateToLocalMs(text.slice(0, 10));
}

export async function getRunRules(db: TDb, input: { ownerId: string; id: string }): Promise<TRunRulesDto[]> {
  const run = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { paramsJson: true } });
  if (!run) throw new AppError('not_found');
  const params = parseParams(run.paramsJson);
  const out: TRunRulesDto[] = [];
  for (const resolved of params.resolved ?? []) {
    const rules = getMarketRules(resolved.market);
    if (!rules || !resolved.from || !resolved.to) continue;
    const instrument: TInstrument = { ...rules.inferInstrument(resolved.symbol), market: resolved.market, lotSize: resolved.lotSize };
    const first = notesAt(rules, instrument, localMs(resolved.from));
    const last = new Map(notesAt(rules, instrument, localMs(resolved.to)).map((n) => [n.id, n]));
    const merged: TRunRuleDto[] = first.map((n) => {
      const end = last.get(n.id);
      last.delete(n.id);
      const dto: TRunRuleDto = { id: n.id, label: n.label, value: n.value, since: n.since, source: n.source };
      if (end && (end.value !== n.value || end.since !== n.since)) dto.changed = { value: end.value, since: end.since, source: end.source };
      return dto;
    });
    // A rule that only exists by the end (e.g. a levy introduced mid-run) shows as a change from none.
    for (const n of last.values()) merged.push({ id: n.id, label: n.label, value: '—', since: '', source: n.source, changed: { value: n.value, since: n.since, source: n.source } });
    const costs = costsFor(rules, params.costs);
    out.push({
      symbol: resolved.symbol,
      market: resolved.market,
      marketLabel: rules.label,
      marketOverridden: resolved.marketOverridden,
      timezone: resolved.timezone,
      currency: resolved.currency,
      lotSize: resolved.lotSize,
      rules: merged,
      costs: { commissionRate: costs.commissionRate, minCommission: costs.minCommission, slippageBps: costs.slippageBps },
    });
  }
  return out;
}

