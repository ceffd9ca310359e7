// Strategy Studio beyond drawing: import a template JSON file, copy nodes into another strategy,
// version history (preview, restore), the shortcut list, and the editor in Chinese.
// Screenshots per step in test-results/screenshots/editor-files/.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { stepShots } from './helpers';
import { clickEmptyCanvas, EDITOR_VIEWPORT, edges, newStrategyInEditor, node, param, waitSaved } from './editor-helpers';

test.use({ viewport: EDITOR_VIEWPORT });

test('import a template file, copy nodes to another strategy, restore an older version', async ({ page }) => {
  test.setTimeout(180_000);
  const shot = stepShots(page, 'editor-files');
  const studioUrl = { first: '' };

  await test.step('import a template JSON file', async () => {
    await newStrategyInEditor(page, 'editor-files', 'From a file');
    studioUrl.first = page.url();
    await page.getByTestId('import-file').setInputFiles(path.join(process.cwd(), 'templates', 'macd-cross.json'));
    await expect(page.getByTestId('studio-notice')).toContainText('Imported');
    await expect(node(page, 'macd')).toBeVisible();
    await expect(page.getByTestId('problem-count')).toHaveText('✓ No problems');
    await shot('imported-template');
    await waitSaved(page);
  });

  await test.step('a file that is not a graph is refused with the reason', async () => {
    await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect(page.getByTestId('studio-notice')).toContainText('The file is not a strategy graph');
    await expect(node(page, 'macd')).toBeVisible();
  });

  await test.step('edit a param, then preview and restore the imported version', async () => {
    const count = await page.locator('.react-flow__node').count();
    await node(page, 'macd').click();
    await param(page, 'Fast').fill('8');
    await expect(node(page, 'macd')).toContainText('8');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Versions' }).click();
    const history = page.getByTestId('version-history');
    await expect(history.getByTestId('version-item')).toHaveCount(2);
    await expect(history.getByTestId('version-item').first()).toContainText('v2');
    await expect(history.getByTestId('version-item').last()).toContainText('From template macd-cross');
    await history.getByTestId('version-item').last().click();
    await expect(page.getByTestId('version-preview')).toContainText('Previewing v1');
    await expect(page.getByTestId('version-preview').locator('.react-flow__node')).toHaveCount(count);
    await shot('version-preview');
    await page.getByRole('button', { name: 'Restore this version' }).click();
    await expect(page.getByTestId('studio-notice')).toContainText('Restored v1');
    await waitSaved(page);
    await expect(history.getByTestId('version-item')).toHaveCount(3);
    await expect(history.getByTestId('version-item').first()).toContainText('Restored v1');
    await history.getByRole('button', { name: 'Close' }).click();
    await node(page, 'macd').click();
    await expect(param(page, 'Fast')).toHaveValue('12');
    await shot('restored');
  });

  await test.step('copy two nodes and paste them into another strategy', async () => {
    await node(page, 'macd').click();
    await node(page, 'close').click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByTestId('inspector')).toContainText('2 nodes selected');
    await page.keyboard.press('ControlOrMeta+c');
    await expect(page.getByTestId('studio-notice')).toHaveText('Copied 2 nodes');
    await page.getByRole('link', { name: 'Back to strategies' }).click();
    await page.getByLabel('New strategy name').fill('Pasted into');
    await page.getByRole('button', { name: 'Create strategy' }).click();
    await page.getByTestId('strategy-row').getByRole('link', { name: 'Pasted into' }).click();
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await clickEmptyCanvas(page);
    await page.keyboard.press('ControlOrMeta+v');
    await expect(page.getByTestId('studio-notice')).toHaveText('Pasted 2 nodes');
    await expect(node(page, 'macd')).toBeVisible();
    await expect(node(page, 'close')).toBeVisible();
    await expect(edges(page)).toHaveCount(1);
    await shot('pasted-elsewhere');
  });

  await test.step('duplicate makes fresh ids; cut removes', async () => {
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+d');
    await expect(node(page, 'macd2')).toBeVisible();
    await expect(node(page, 'close2')).toBeVisible();
    await expect(edges(page)).toHaveCount(2);
    await page.keyboard.press('ControlOrMeta+x');
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.locator('.react-flow__node')).toHaveCount(4);
  });

  await test.step('the shortcut list', async () => {
    await clickEmptyCanvas(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Duplicate the selection');
    await shot('shortcuts');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('auto-layout arranges the nodes left to right', async () => {
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect(page.getByTestId('studio-notice')).toContainText('Laid out by depth');
    const x = async (id: string) => (await node(page, id).boundingBox())!.x;
    expect(await x('close')).toBeLessThan(await x('macd'));
    expect(await x('close2')).toBeLessThan(await x('macd2'));
    await shot('laid-out');
  });
});

test('the editor in Chinese: palette, node labels, inspector and problems', async ({ page }) => {
  const shot = stepShots(page, 'editor-zh');
  await newStrategyInEditor(page, 'editor-zh', '中文策略');
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '策略工作室 中文策略' })).toBeVisible();
  await page.getByLabel('搜索节点').fill('移动平均');
  await page.getByTestId('palette').getByRole('button', { name: '添加简单移动平均', exact: true }).click();
  await expect(node(page, 'sma')).toContainText('简单移动平均');
  await expect(node(page, 'sma').getByTestId('node-problem')).toHaveText('输入 "source" 未连接');
  await expect(param(page, '周期')).toHaveValue('20');
  await param(page, '周期').fill('5000');
  await expect(page.getByTestId('param-period').getByRole('alert')).toHaveText('不能大于 1000。');
  await expect(page.getByTestId('problem-count')).toHaveText('⚠ 2 个问题');
  await shot('chinese');
});
