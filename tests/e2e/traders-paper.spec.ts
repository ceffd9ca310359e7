// Traders as a user meets them: sign up, seed a strategy with the AI trend-gate template
// (offline: the labelled heuristic analyst answers), create a paper trader on a replay of SPY
// from the Traders page, start it, open its page and watch the equity curve, fills and an AI
// decision card appear without reloading — pushed over the trader.events subscription (SSE), not
// polled: a stopped trader's page makes no trader.get requests at all; pause, resume, and the
// kill switch. Then the page in Chinese. Screenshots per step in test-results/screenshots/traders-paper/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signUp, stepShots, uniqueEmail } from './helpers';

const AI_GRAPH = JSON.parse(readFileSync(path.join(process.cwd(), 'templates/ai-trend-gate.json'), 'utf8')).graph;

async function trpc<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${procedure}`, { data: input });
  expect(res.ok(), `${procedure}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

test('start a paper trader on a replayed feed and watch it trade live', async ({ page }) => {
  test.setTimeout(180_000);
  const shot = stepShots(page, 'traders-paper');
  const user = { name: 'Li Wei', email: uniqueEmail('traders'), password: 'trade-safely-1' };

  await test.step('sign up and seed a strategy with an AI decision node', async () => {
    await signUp(page, user);
    const s = await trpc<{ id: string }>(page, 'strategy.create', { name: 'AI trend gate' });
    await trpc(page, 'strategy.saveGraph', { id: s.id, graph: AI_GRAPH });
  });

  await test.step('create a paper trader replaying SPY from the Traders page', async () => {
    await page.goto('/traders');
    await expect(page.getByRole('heading', { name: 'Traders', exact: true })).toBeVisible();
    await shot('empty');
    const form = page.getByRole('form', { name: 'New trader' });
    await form.getByLabel('Name').fill('SPY replay');
    await form.getByLabel(/^Strategy/).selectOption({ label: 'AI trend gate' });
    await form.getByLabel('Symbols').fill('SPY.US');
    await form.getByLabel('Timeframe').selectOption('1d');
    await form.getByLabel('Bars').selectOption('replay');
    await form.getByLabel('Replay from').fill('2013-01-02');
    await form.getByLabel('ms per bar').fill('120');
    await form.getByLabel('Max entry orders per day').fill('2');
    await shot('form');
    await form.getByRole('button', { name: 'Create trader' }).click();
    await expect(page.getByText('Created “SPY replay”')).toBeVisible();
    await expect(page.getByTestId('trader-row')).toHaveCount(1);
    await expect(page.getByTestId('trader-status')).toHaveText('Stopped');
  });

  await test.step('start it from the list', async () => {
    await page.getByTestId('trader-row').getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('trader-status')).toHaveText('Running');
    await shot('running');
  });

  // every tRPC call the page makes, by procedure (batched GETs name several, comma-separated)
  const calls: Array<{ at: number; procedures: string[] }> = [];
  page.on('request', (req) => {
    const m = /\/api\/trpc\/([^?]+)/.exec(req.url());
    if (m) calls.push({ at: Date.now(), procedures: decodeURIComponent(m[1]).split(',') });
  });
  const callsTo = (procedure: string, since = 0) => calls.filter((c) => c.at >= since && c.procedures.includes(procedure)).length;

  await test.step('its page fills in live: equity curve, fills and an AI decision card', async () => {
    const opened = Date.now();
    await page.getByRole('link', { name: 'SPY replay' }).click();
    await expect(page.getByTestId('trader-detail')).toBeVisible();
    const url = page.url();
    await expect(page.getByTestId('trader-equity-curve')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('decision-card').first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('decision-card').first()).toContainText('Heuristic analyst');
    const first = await page.getByTestId('trader-last-bar').textContent();
    await expect(page.getByTestId('trader-last-bar')).not.toHaveText(first ?? '', { timeout: 20_000 });
    expect(page.url()).toBe(url); // no navigation, no reload: the subscription brought it
    await expect(page.getByTestId('trader-live')).toHaveAttribute('data-live', 'true');
    // one SSE stream for the page, opened once (it would reconnect only after a drop)
    expect(callsTo('trader.events', opened)).toBeGreaterThanOrEqual(1);
    expect(callsTo('trader.events', opened)).toBeLessThanOrEqual(2);
    await expect(page.getByTestId('trader-log')).toContainText('started');
    await shot('live');
  });

  await test.step('pause, resume, then the kill switch', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('trader-status')).toHaveText('Paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByTestId('trader-status')).toHaveText('Running');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Kill switch' }).click();
    await expect(page.getByTestId('trader-status')).toHaveText('Stopped');
    await expect(page.getByTestId('trader-log')).toContainText('kill switch');
    await shot('stopped');
    // nothing changes now, so nothing is read: a page that polled (it used to, every 2 s) would
    // have asked for trader.get three times in these 6 s
    const quiet = Date.now() + 1_000;
    await page.waitForTimeout(7_000);
    expect(callsTo('trader.get', quiet)).toBe(0);
  });

  await test.step('the same page in Chinese', async () => {
    await page.context().addCookies([{ name: 'nofx-locale', value: 'zh-CN', url: page.url() }]);
    await page.reload();
    await expect(page.getByTestId('trader-status')).toHaveText('已停止');
    await expect(page.getByRole('heading', { name: '权益曲线' })).toBeVisible();
    await shot('zh');
  });
});
