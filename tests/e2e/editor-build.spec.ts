// Building a strategy in the Strategy Studio the way a new user would: drag nodes from the
// palette, wire close → SMA ×2 → crosses above/below → orders with the mouse, see problems appear
// on nodes and clear, edit params in the inspector, undo/redo, be told why a wrong connection is
// refused, reload and find it autosaved, export the JSON and check it with the compiler.
// Screenshots per step in test-results/screenshots/editor-build/.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { compileGraph } from '../../nodes/compile';
import { stepShots } from './helpers';
import { clickEmptyCanvas, connect, dragFromPalette, EDITOR_VIEWPORT, edges, handle, newStrategyInEditor, node, param, waitSaved, wire } from './editor-helpers';

test.use({ viewport: EDITOR_VIEWPORT });

test('build a dual-SMA crossover by dragging and wiring, with live problems, undo/redo and autosave', async ({ page }) => {
  test.setTimeout(180_000);
  const shot = stepShots(page, 'editor-build');
  const problems = page.getByTestId('problem-count');

  await test.step('open a new strategy: an empty canvas', async () => {
    await newStrategyInEditor(page, 'editor-build', 'Dual SMA by hand');
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await expect(problems).toHaveText(/1 problem/);
    await shot('empty');
  });

  await test.step('drag the close and an SMA from the palette: the SMA shows its missing input', async () => {
    await dragFromPalette(page, 'bar field', 'Bar field', { x: 90, y: 230 });
    await expect(node(page, 'bar')).toBeVisible();
    await expect(node(page, 'bar')).toContainText('close');
    // Searching in Chinese finds the same node.
    await page.getByLabel('Search nodes').fill('简单移动平均');
    await expect(page.getByTestId('palette').getByRole('button', { name: 'Add SMA', exact: true })).toBeVisible();
    await dragFromPalette(page, 'sma', 'SMA', { x: 340, y: 110 });
    const sma = node(page, 'sma');
    await expect(sma.getByTestId('node-problem-badge')).toHaveText('1');
    await expect(sma.getByTestId('node-problem')).toHaveText('input "source" is not connected');
    await shot('sma-unconnected');
  });

  await test.step('wire close → SMA: the badge clears', async () => {
    await connect(page, ['bar', 'value'], ['sma', 'source']);
    await expect(node(page, 'sma').getByTestId('node-problem-badge')).toHaveCount(0);
    await shot('sma-wired');
  });

  await test.step('set the fast period in the inspector', async () => {
    await node(page, 'sma').click();
    const period = param(page, 'Period');
    await expect(period).toHaveValue('20');
    await expect(page.getByTestId('inspector')).toContainText('Simple moving average');
    await period.fill('0');
    await expect(page.getByTestId('param-period').getByRole('alert')).toHaveText('Must be at least 1.');
    await period.fill('10');
    await expect(page.getByTestId('param-period').getByRole('alert')).toHaveCount(0);
    await expect(node(page, 'sma')).toContainText('10');
    // An empty required number is not applied: the node keeps 10.
    await period.fill('');
    await expect(page.getByTestId('param-period').getByRole('alert')).toHaveText('A value is needed.');
    await expect(node(page, 'sma')).toContainText('10');
    await period.fill('10');
    await shot('fast-period');
  });

  await test.step('the rest of the graph: a slow SMA, both crosses, two orders', async () => {
    await dragFromPalette(page, 'sma', 'SMA', { x: 340, y: 340 });
    await dragFromPalette(page, 'crosses', 'Crosses above', { x: 590, y: 110 });
    await dragFromPalette(page, 'crosses', 'Crosses below', { x: 590, y: 340 });
    await dragFromPalette(page, 'target', 'Target % of equity', { x: 840, y: 110 });
    await dragFromPalette(page, 'target', 'Target % of equity', { x: 840, y: 340 });
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await connect(page, ['bar', 'value'], ['sma2', 'source']);
    await connect(page, ['sma', 'value'], ['crossesAbove', 'a']);
    await connect(page, ['sma2', 'value'], ['crossesAbove', 'b']);
    await connect(page, ['sma', 'value'], ['crossesBelow', 'a']);
    await connect(page, ['sma2', 'value'], ['crossesBelow', 'b']);
    await connect(page, ['crossesAbove', 'value'], ['targetPercent', 'when']);
    await shot('wired-but-exit');
    // The exit order has no trigger yet; the problems list takes us to it.
    await expect(node(page, 'targetPercent2').getByTestId('node-problem-badge')).toBeVisible();
    await expect(problems).toHaveText('⚠ 1 problem');
    await problems.click();
    await page.getByTestId('problem-item').filter({ hasText: 'input "when" is not connected' }).click();
    await expect(page.getByTestId('inspector-node-id')).toHaveText('targetPercent2');
    await expect(node(page, 'targetPercent2')).toHaveClass(/selected/);
    await shot('problem-selected');
    await page.getByRole('tab', { name: 'Backtest' }).click();
    await clickEmptyCanvas(page);
    await page.keyboard.press('Shift+F');
  });

  await test.step('a number cannot drive an order trigger: the canvas says why and refuses', async () => {
    const before = await edges(page).count();
    await wire(page, handle(page, 'sma2', 'value', 'source'), handle(page, 'targetPercent2', 'when', 'target'), async () => {
      await expect(page.getByTestId('connection-refused')).toHaveText('Cannot connect: a number output cannot feed a signal input.');
      await shot('refused-while-dragging');
    });
    await expect(page.getByTestId('studio-notice')).toHaveText('Cannot connect: a number output cannot feed a signal input.');
    await expect(edges(page)).toHaveCount(before);
  });

  await test.step('wire the exit, set it to 0 %: no problems left', async () => {
    await connect(page, ['crossesBelow', 'value'], ['targetPercent2', 'when']);
    await node(page, 'targetPercent2').click();
    await param(page, 'Percent').fill('0');
    await expect(node(page, 'targetPercent2')).toContainText('0%');
    await node(page, 'sma2').click();
    await param(page, 'Period').fill('30');
    await expect(node(page, 'sma2')).toContainText('30');
    await expect(problems).toHaveText('✓ No problems');
    await expect(page.locator('.react-flow__node [data-testid=node-problem-badge]')).toHaveCount(0);
    await shot('complete');
  });

  await test.step('undo and redo a param change and a deletion', async () => {
    await clickEmptyCanvas(page);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(node(page, 'sma2')).toContainText('20');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(node(page, 'sma2')).toContainText('30');
    await node(page, 'crossesBelow').click();
    await page.keyboard.press('Delete');
    await expect(node(page, 'crossesBelow')).toHaveCount(0);
    await expect(edges(page)).toHaveCount(5);
    await expect(node(page, 'targetPercent2').getByTestId('node-problem-badge')).toBeVisible();
    await shot('deleted');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(node(page, 'crossesBelow')).toBeVisible();
    await expect(edges(page)).toHaveCount(8);
    await expect(problems).toHaveText('✓ No problems');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(node(page, 'crossesBelow')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(edges(page)).toHaveCount(8);
    await shot('undone');
  });

  await test.step('reload: everything was autosaved', async () => {
    await waitSaved(page);
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await expect(edges(page)).toHaveCount(8);
    await expect(problems).toHaveText('✓ No problems');
    await expect(node(page, 'sma')).toContainText('10');
    await expect(node(page, 'sma2')).toContainText('30');
    await shot('reloaded');
  });

  await test.step('export the JSON: the compiler accepts it', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Dual-SMA-by-hand.json');
    const path = test.info().outputPath('exported.json');
    await file.saveAs(path);
    const graph = JSON.parse(readFileSync(path, 'utf8'));
    expect(graph.version).toBe(1);
    expect(graph.nodes).toHaveLength(7);
    const compiled = compileGraph(graph);
    expect(compiled.ok, JSON.stringify(compiled)).toBe(true);
    if (compiled.ok) expect(compiled.plan.orderSinks).toHaveLength(2);
  });
});
