// Groups as a user makes them: select two indicators, group them (Ctrl+G), name the group,
// collapse it to one box whose handles are the members' ports, find it again after a reload
// (groups are saved with the graph), ungroup, undo.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { stepShots } from './helpers';
import { clickEmptyCanvas, EDITOR_VIEWPORT, edges, newStrategyInEditor, node, waitSaved } from './editor-helpers';

test.use({ viewport: EDITOR_VIEWPORT });

test('group, name, collapse, reload, ungroup and undo', async ({ page }) => {
  const shot = stepShots(page, 'editor-groups');
  await newStrategyInEditor(page, 'groups', 'Grouped crossover');
  await page.getByTestId('import-file').setInputFiles(path.join(process.cwd(), 'templates', 'sma-crossover.json'));
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(edges(page)).toHaveCount(8);
  await waitSaved(page);

  // Select the two averages and group them.
  await node(page, 'fast').click();
  await node(page, 'slow').click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+g');
  const group = page.getByTestId('studio-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('2 nodes');
  await expect(page.getByTestId('inspector')).toContainText('2 nodes');
  await page.getByTestId('inspector').getByLabel('Group name').fill('Averages');
  await expect(group).toContainText('Averages');
  await shot('grouped');

  // Collapse: the members disappear behind one box with their crossing ports; every edge stays.
  await group.getByRole('button', { name: 'Collapse group' }).click();
  await expect(node(page, 'fast')).toBeHidden();
  await expect(node(page, 'slow')).toBeHidden();
  await expect(group.locator('.react-flow__handle.target')).toHaveCount(2);
  await expect(group.locator('.react-flow__handle.source')).toHaveCount(2);
  await expect(edges(page)).toHaveCount(8);
  await expect(page.getByTestId('problem-count')).toHaveText('✓ No problems');
  await shot('collapsed');

  // Saved with the graph: a reload shows the same collapsed, named group.
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('studio-group')).toContainText('Averages');
  await expect(node(page, 'fast')).toBeHidden();
  await shot('after-reload');

  // Expand and ungroup from the inspector; undo brings the group back.
  await page.getByTestId('studio-group').getByRole('button', { name: 'Expand group' }).click();
  await expect(node(page, 'fast')).toBeVisible();
  await node(page, 'fast').click();
  await page.keyboard.press('Control+Shift+g');
  await expect(page.getByTestId('studio-group')).toHaveCount(0);
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('studio-group')).toContainText('Averages');
  await shot('undo-ungroup');
});
