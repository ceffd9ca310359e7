// An AI strategy backtested as a new user would, with no model configured: the labelled heuristic
// analyst answers, the run's Decisions list shows each decision with its reasoning, and picking
// one shows its bar on the K-line (where the decision's marker sits next to the fills it caused).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signUp, stepShots, uniqueEmail } from './helpers';

const AI_GRAPH = JSON.parse(readFileSync(path.join(process.cwd(), 'templates/ai-trend-gate.json'), 'utf8')).graph;

test('an AI backtest shows its decisions with reasoning next to the K-line', async ({ page }) => {
  test.setTimeout(120_000);
  const shot = stepShots(page, 'backtest-ai');
  await signUp(page, { name: 'AI Tester', email: uniqueEmail('ai-backtest'), password: 'decide-slowly-1' });
  const created = await page.request.post('/api/trpc/strategy.create', { data: { name: 'AI trend gate' } });
  const strategyId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  await page.request.post('/api/trpc/strategy.saveGraph', { data: { id: strategyId, graph: AI_GRAPH } });
  const started = await page.request.post('/api/trpc/backtest.start', { data: { strategyId, symbols: [{ symbol: 'SPY.US' }], initialCash: 100_000, from: '2015-01-01' } });
  expect(started.ok(), await started.text()).toBe(true);
  const runId = ((await started.json()) as { result: { data: { id: string } } }).result.data.id;

  await page.goto(`/backtests/${runId}`);
  await expect(page.getByTestId('metric-cards')).toBeVisible({ timeout: 60_000 });
  const panel = page.getByTestId('ai-decisions');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('heuristic answers');
  const rows = panel.getByTestId('ai-decision-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(3);
  // every decision keeps its reasoning
  await expect(rows.first().locator('td').last()).not.toBeEmpty();
  await rows.nth(2).getByRole('button').click();
  await expect(page.getByTestId('kline-chart').locator('canvas').first()).toBeVisible();
  await page.getByTestId('kline-chart').scrollIntoViewIfNeeded();
  await shot('decision-on-chart');
});
