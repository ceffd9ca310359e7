// The Data page: bundled symbols with their ranges, a CSV with bad rows (every row named, in
// English and Chinese), nothing imported until "skip bad rows", then the import and its record.
import { expect, test } from '@playwright/test';
import { signUp, stepShots, uniqueEmail } from './helpers';

const CSV = ['date,open,high,low,close,volume', '2024-01-02,10,11,9,10.5,1000', '2024-01-03,10,9,11,10.5,1000', '2024-01-04,10,11,9,abc,1000', '2024-01-05,10.2,11,9.8,10.4,1200'].join('\n');

test('data page: bundled symbols, CSV preview with per-row errors, skip and import', async ({ page }) => {
  const shot = stepShots(page, 'data-import');
  await signUp(page, { name: 'Data User', email: uniqueEmail('data'), password: 'market-data-1' });

  await test.step('symbols with coverage', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Data' }).click();
    await expect(page.getByRole('heading', { name: 'Market data' })).toBeVisible();
    const moutai = page.getByTestId('symbol-row-600519.SH');
    await expect(moutai).toContainText('贵州茅台');
    await expect(moutai).toContainText('2001-08-27 → 2022-01-14');
    await page.getByTestId('symbol-search').fill('tencent');
    await expect(page.getByTestId('symbol-row-00700.HK')).toBeVisible();
    await expect(page.getByTestId('symbol-row-600519.SH')).toHaveCount(0);
    await shot('symbols');
  });

  await test.step('preview lists every bad row; import is refused', async () => {
    await page.getByRole('tab', { name: 'Import CSV' }).click();
    await page.getByTestId('csv-file').setInputFiles({ name: 'my-bars.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByLabel('Symbol', { exact: true }).fill('600036.SH');
    await page.getByRole('button', { name: 'Preview' }).click();
    const errors = page.getByTestId('csv-row-errors');
    await expect(errors).toContainText('2 bad rows');
    await expect(errors).toContainText('Row 3, high: High 9 is below low 11.');
    await expect(errors).toContainText('Row 4, close: Not a number: “abc”.');
    await expect(page.getByTestId('csv-import')).toBeDisabled();
    await shot('bad-rows');
  });

  await test.step('skip bad rows and import', async () => {
    await page.getByLabel('Skip bad rows and import the rest').check();
    await expect(page.getByTestId('csv-summary')).toContainText('2 bars would be imported');
    await page.getByTestId('csv-import').click();
    await expect(page.getByText('Imported 2 bars of 600036.SH; 2 bad rows skipped.')).toBeVisible();
    await page.getByRole('tab', { name: 'Imports & syncs' }).click();
    await expect(page.getByTestId('import-history')).toContainText('600036.SH');
    await shot('imported');
  });

  await test.step('the same errors in Chinese', async () => {
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '行情数据' })).toBeVisible();
    await page.getByRole('tab', { name: '导入 CSV' }).click();
    await page.getByTestId('csv-file').setInputFiles({ name: 'my-bars.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByLabel('标的代码').fill('600036.SH');
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByTestId('csv-row-errors')).toContainText('第 3 行，high: 最高价 9 低于最低价 11。');
    await shot('bad-rows-zh');
  });
});
