// Templates as a new user meets them: sign up, browse the gallery, filter and search, open a
// template (read-only graph, reference results), use it (a copy opens in the editor), run its
// backtest from the canvas run bar, publish the strategy, move it through a strategy file (a bad
// file is refused with its problems, an exported file imports), then sign up as a second user
// and find the published template in the gallery. Screenshots per step in
// test-results/screenshots/templates/.
import { expect, test } from '@playwright/test';
import { signUp, stepShots, uniqueEmail } from './helpers';

test('browse, filter, use a template, run it, publish it and find it from a second account', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const shot = stepShots(page, 'templates');
  const author = { name: 'Li Wei', email: uniqueEmail('tpl-author'), password: 'trade-safely-1' };
  const title = `Li Wei SMA ${Date.now()}`;
  let strategyUrl = '';

  await test.step('sign up and open the gallery', async () => {
    await signUp(page, author);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Templates', exact: true }).click();
    await expect(page).toHaveURL(/\/templates$/);
    const cards = page.getByTestId('template-card');
    await expect(cards.first()).toBeVisible({ timeout: 30_000 });
    expect(await cards.count()).toBeGreaterThanOrEqual(12);
    const sma = page.locator('[data-template-id="sma-crossover"]');
    await expect(sma).toContainText('SMA crossover');
    await expect(sma.getByTestId('template-sparkline')).toBeVisible();
    // trader formatting: signed percentage with the true minus sign
    await expect(sma.locator('[data-metric="totalReturn"] dd')).toHaveText(/^[+−]\d+\.\d%$/);
    await expect(sma.locator('[data-metric="maxDrawdown"] dd')).toHaveText(/^−\d+\.\d%$/);
    await shot('gallery');
  });

  await test.step('filter by style, by AI and search in Chinese', async () => {
    const cards = page.getByTestId('template-card');
    const all = await cards.count();
    await page.getByTestId('template-filter-style').selectOption('mean-reversion');
    await expect(page.locator('[data-template-id="rsi-reversion"]')).toBeVisible();
    await expect(page.locator('[data-template-id="sma-crossover"]')).toHaveCount(0);
    expect(await cards.count()).toBeLessThan(all);
    await shot('filter-style');
    await page.getByTestId('template-filter-style').selectOption('');
    await page.getByTestId('template-filter-ai').selectOption('yes');
    await expect(cards).toHaveCount(2);
    await expect(page.getByTestId('template-grid').getByTestId('ai-badge')).toHaveCount(2);
    await shot('filter-ai');
    await page.getByTestId('template-filter-ai').selectOption('all');
    await page.getByTestId('template-filter-market').selectOption('hk');
    await expect(page.locator('[data-template-id="trend-trailing-stop"]')).toBeVisible();
    await page.getByTestId('template-filter-market').selectOption('');
    await page.getByTestId('template-search').fill('双均线');
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toHaveAttribute('data-template-id', 'sma-crossover');
    await shot('search-zh');
  });

  await test.step('open the template: read-only graph, idea, reference results', async () => {
    await page.getByTestId('template-card').first().click();
    await expect(page).toHaveURL(/\/templates\/sma-crossover$/, { timeout: 30_000 });
    const detail = page.getByTestId('template-detail');
    await expect(detail.getByRole('heading', { name: 'SMA crossover' })).toBeVisible();
    await expect(page.getByTestId('template-graph').locator('.react-flow__node')).toHaveCount(7);
    // edges drawn in their port colour (a number edge is blue), not an invisible stroke
    const edgePath = page.getByTestId('template-graph').locator('.react-flow__edge-path').first();
    await expect(edgePath).toBeAttached();
    expect(await edgePath.evaluate((p) => getComputedStyle(p).stroke)).toBe('rgb(59, 130, 246)');
    await expect(page.getByTestId('template-reference')).toContainText('SPY.US');
    await expect(page.getByTestId('template-reference').locator('[data-metric="sharpe"] dd')).toHaveText(/^\d+\.\d{2}$/);
    await expect(page.getByTestId('template-equity-chart').locator('path.recharts-curve')).toBeVisible();
    await expect(page.getByTestId('template-suggested')).toContainText('SPY.US');
    await shot('template-detail');
  });

  await test.step('use it: a copy opens in the editor', async () => {
    await page.getByTestId('use-template').click();
    await expect(page).toHaveURL(/\/strategies\/[^/]+$/, { timeout: 30_000 });
    strategyUrl = page.url();
    await expect(page.getByTestId('studio-canvas').locator('.react-flow__node')).toHaveCount(7, { timeout: 30_000 });
    await shot('forked-in-editor');
  });

  await test.step('run its backtest from the canvas run bar', async () => {
    const bar = page.getByTestId('backtest-run-bar');
    await expect(bar).toBeVisible({ timeout: 30_000 });
    await bar.getByTestId('symbol-search').fill('SPY');
    await bar.getByRole('option').filter({ hasText: 'SPY.US' }).click();
    await expect(bar.getByTestId('symbol-chip')).toContainText('SPY.US');
    await bar.getByTestId('run-backtest').click();
    await expect(bar.getByTestId('run-status')).toHaveText('Done', { timeout: 60_000 });
    await expect(bar.getByTestId('metric-cards')).toBeVisible();
    await shot('backtest-done');
  });

  await test.step('publish the strategy from the strategy list', async () => {
    await page.goto('/strategies');
    const row = page.getByTestId('strategy-row').filter({ hasText: 'SMA crossover' });
    await row.getByTestId('publish-strategy').click();
    const dialog = page.getByTestId('publish-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    await dialog.getByLabel('Description', { exact: true }).fill('Ten over thirty on the S&P 500, from the built-in template.');
    await dialog.getByLabel('Tags', { exact: true }).fill('trend, e2e');
    await shot('publish-dialog');
    await dialog.getByTestId('publish-submit').click();
    await expect(dialog.getByTestId('alert-success')).toBeVisible();
    await expect(dialog.getByTestId('publish-link')).toHaveValue(/\/templates\/[A-Za-z0-9_-]{16}$/);
    await expect(dialog.getByTestId('publish-stats')).toContainText('Version 1');
    await shot('published');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(row.getByTestId('publish-strategy')).toHaveText('Published ✓');
  });

  await test.step('strategy files: a bad file is refused with its problems; an exported file imports', async () => {
    const rows = page.getByTestId('strategy-row');
    const before = await rows.count();
    const badGraph = { version: 1, nodes: [{ id: 'close', type: 'data.bar', params: { field: 'close' } }, { id: 'x', type: 'indicator.nope', params: {} }], edges: [] };
    await page.getByTestId('strategy-file-input').setInputFiles({
      name: 'broken.nofx.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'nofx-strategy', formatVersion: 1, name: 'Broken', graph: badGraph })),
    });
    const alert = page.getByTestId('alert-error');
    await expect(alert).toContainText('nothing was imported');
    await expect(alert.getByTestId('error-details')).toContainText('x');
    await shot('import-refused');
    await expect(rows).toHaveCount(before);

    const download = page.waitForEvent('download');
    await rows.filter({ hasText: 'SMA crossover' }).getByTestId('export-strategy').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('SMA-crossover.nofx.json');
    await page.getByTestId('strategy-file-input').setInputFiles(await file.path());
    await expect(page.getByTestId('alert-success')).toContainText('Imported “SMA crossover”');
    await expect(rows).toHaveCount(before + 1);
    await shot('imported');
  });

  await test.step('my published templates are listed on the Templates page', async () => {
    await page.goto('/templates');
    await expect(page.getByTestId('my-template').filter({ hasText: title })).toBeVisible({ timeout: 30_000 });
    expect(strategyUrl).toMatch(/\/strategies\//);
  });

  await test.step('a second user finds it in the gallery, with its author and reference', async () => {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US' });
    const other = await context.newPage();
    const shot2 = stepShots(other, 'templates-second-user');
    await signUp(other, { name: 'Zhao Min', email: uniqueEmail('tpl-reader'), password: 'trade-safely-1' });
    await other.goto('/templates');
    await other.getByTestId('template-search').fill(title);
    const card = other.getByTestId('template-card');
    await expect(card).toHaveCount(1, { timeout: 30_000 });
    await expect(card).toContainText('by Li Wei');
    await expect(card.getByTestId('template-sparkline')).toBeVisible();
    await shot2('found-in-gallery');
    await card.click();
    await expect(other.getByTestId('template-detail')).toContainText(title);
    await expect(other.getByTestId('template-reference')).toContainText('SPY.US');
    await expect(other.getByTestId('template-detail')).not.toContainText(author.email);
    await shot2('published-detail');
    await other.getByTestId('use-template').click();
    await expect(other).toHaveURL(/\/strategies\/[^/]+$/, { timeout: 30_000 });
    await expect(other.getByTestId('studio-canvas').locator('.react-flow__node')).toHaveCount(7, { timeout: 30_000 });
    await shot2('forked');
    await context.close();
  });
});
