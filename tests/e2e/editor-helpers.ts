// Driving the Strategy Studio as a user does: drag from the palette, wire handles with the mouse.
import { expect, type Locator, type Page } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

/** Big enough that palette, canvas, inspector and drawer all have room. */
export const EDITOR_VIEWPORT = { width: 1600, height: 1000 };

export async function newStrategyInEditor(page: Page, prefix: string, name: string) {
  await signUp(page, { name: 'Editor Tester', email: uniqueEmail(prefix), password: 'draw-a-graph-1' });
  await page.getByLabel('New strategy name').fill(name);
  await page.getByRole('button', { name: 'Create strategy' }).click();
  await page.getByTestId('strategy-row').getByRole('link', { name }).click();
  await expect(page.getByTestId('studio')).toBeVisible();
  await expect(page.getByTestId('strategy-name')).toHaveText(name);
}

export const canvas = (page: Page) => page.getByTestId('studio-canvas');
export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const edges = (page: Page) => page.locator('.react-flow__edge');
export const handle = (page: Page, nodeId: string, handleId: string, side: 'source' | 'target') =>
  page.locator(`.react-flow__handle.${side}[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`);

/** A settings field of the node shown in the inspector, by its label. */
export const param = (page: Page, label: string) => page.getByTestId('inspector').getByLabel(label, { exact: true });

/** Search the palette, then drag the entry onto the canvas at (x, y) inside the canvas box. */
export async function dragFromPalette(page: Page, search: string, entry: string, at: { x: number; y: number }) {
  const box = page.getByLabel('Search nodes');
  await box.fill(search);
  const item = page.getByTestId('palette').getByRole('button', { name: `Add ${entry}`, exact: true });
  await item.dragTo(canvas(page), { targetPosition: at });
}

/**
 * The centre of an element once it has stopped moving: a fit-view or zoom animation still running
 * on a loaded machine would otherwise move a handle between measuring it and pressing on it (the
 * press then lands on the node and drags it instead of starting a connection).
 */
async function center(l: Locator) {
  let b = await l.boundingBox();
  for (let i = 0; i < 40; i++) {
    await l.page().waitForTimeout(50);
    const next = await l.boundingBox();
    if (b && next && next.x === b.x && next.y === b.y) break;
    b = next;
  }
  if (!b) throw new Error('not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Press on one handle, move to another, optionally check something mid-drag, release. */
export async function wire(page: Page, from: Locator, to: Locator, whileOver?: () => Promise<void>) {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  if (whileOver) await whileOver();
  await page.mouse.up();
}

export async function connect(page: Page, from: [string, string], to: [string, string]) {
  const before = await edges(page).count();
  await wire(page, handle(page, from[0], from[1], 'source'), handle(page, to[0], to[1], 'target'));
  await expect(edges(page)).toHaveCount(before + 1);
}

/** Click an empty spot of the canvas: clears the selection and takes focus out of any field. */
export async function clickEmptyCanvas(page: Page) {
  const pane = page.locator('.react-flow__pane');
  const b = (await pane.boundingBox())!;
  await page.mouse.click(b.x + b.width - 260, b.y + 20);
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved · v\d+$/, { timeout: 15_000 });
}
