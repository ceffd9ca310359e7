// The canvas with 300 nodes: import, pan, drag a node, edit a param (compile + autosave follow).
// Frame times are measured in the page with requestAnimationFrame; the numbers go to
// test-results/editor-perf.json and the test's annotations. Bounds are generous on purpose
// (headless Chromium without GPU on a shared machine): they catch a canvas that stalls, not a slow one.
import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { stepShots } from './helpers';
import { EDITOR_VIEWPORT, newStrategyInEditor, node, param, waitSaved } from './editor-helpers';

test.use({ viewport: EDITOR_VIEWPORT });

/** 75 chains of close → SMA → crosses above (SMA, close) → buy: 300 nodes, 300 edges, compiles. */
function bigGraph() {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let i = 0; i < 75; i++) {
    const y = (i % 25) * 120;
    const x = Math.floor(i / 25) * 1000;
    nodes.push(
      { id: `c${i}`, type: 'data.bar', params: { field: 'close' }, position: { x, y } },
      { id: `s${i}`, type: 'indicator.sma', params: { period: 5 + i }, position: { x: x + 240, y } },
      { id: `x${i}`, type: 'logic.crosses-above', params: {}, position: { x: x + 480, y } },
      { id: `b${i}`, type: 'orders.buy', params: { size: 'percentEquity', amount: 1, orderType: 'market' }, position: { x: x + 720, y } },
    );
    edges.push(
      { id: `e${i}a`, source: `c${i}`, sourceHandle: 'value', target: `s${i}`, targetHandle: 'source' },
      { id: `e${i}b`, source: `s${i}`, sourceHandle: 'value', target: `x${i}`, targetHandle: 'a' },
      { id: `e${i}c`, source: `c${i}`, sourceHandle: 'value', target: `x${i}`, targetHandle: 'b' },
      { id: `e${i}d`, source: `x${i}`, sourceHandle: 'value', target: `b${i}`, targetHandle: 'when' },
    );
  }
  return { version: 1, nodes, edges };
}

/** Starts recording frame intervals in the page; the returned function stops and summarises them. */
async function recordFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return async () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      const f = w.__frames.slice(1).sort((a, b) => a - b);
      const total = f.reduce((s, x) => s + x, 0);
      return { frames: f.length, avgMs: total / f.length, p95Ms: f[Math.floor(f.length * 0.95)] ?? 0, maxMs: f[f.length - 1] ?? 0, fps: (1000 * f.length) / total };
    });
}

test('300 nodes: import, pan, drag and edit stay responsive', async ({ page }) => {
  test.setTimeout(240_000);
  const shot = stepShots(page, 'editor-perf');
  const results: Record<string, unknown> = {};
  await newStrategyInEditor(page, 'editor-perf', 'Three hundred nodes');

  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bigGraph())) });
  await expect(page.locator('.react-flow__node')).toHaveCount(300, { timeout: 30_000 });
  await expect(page.locator('.react-flow__edge')).toHaveCount(300, { timeout: 30_000 });
  await expect(page.getByTestId('problem-count')).toHaveText('✓ No problems');
  results.importToRenderedMs = Date.now() - t0;
  await shot('imported');

  // Pan the whole canvas by dragging the background.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  let stop = await recordFrames(page);
  const from = { x: pane.x + pane.width / 2, y: pane.y + pane.height - 30 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(from.x + i * 8, from.y - i * 2);
  await page.mouse.up();
  results.pan = await stop();

  // Drag one node around (all its edges follow).
  await page.keyboard.press('Shift+F');
  await page.waitForTimeout(500);
  const box = (await node(page, 's12').boundingBox())!;
  stop = await recordFrames(page);
  await page.mouse.move(box.x + 30, box.y + 8);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(box.x + 30 + i * 3, box.y + 8 + i * 2);
  await page.mouse.up();
  results.dragNode = await stop();

  // Edit a param: the canvas recompiles all 300 nodes and autosaves.
  await node(page, 's12').click();
  const t1 = Date.now();
  await param(page, 'Period').fill('7');
  await expect(node(page, 's12')).toContainText('7');
  results.paramToCanvasMs = Date.now() - t1;
  await waitSaved(page);
  results.paramToSavedMs = Date.now() - t1;
  await shot('edited');

  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/editor-perf.json', `${JSON.stringify(results, null, 2)}\n`);
  test.info().annotations.push({ type: 'editor-perf', description: JSON.stringify(results) });
  console.log('editor perf (300 nodes):', JSON.stringify(results));

  const pan = results.pan as { fps: number; p95Ms: number };
  const drag = results.dragNode as { fps: number; p95Ms: number };
  expect(results.importToRenderedMs as number).toBeLessThan(20_000);
  expect(pan.p95Ms).toBeLessThan(500);
  expect(drag.p95Ms).toBeLessThan(500);
  expect(results.paramToCanvasMs as number).toBeLessThan(5_000);
});
