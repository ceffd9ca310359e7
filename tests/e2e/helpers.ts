import { expect, type Page } from '@playwright/test';

let seq = 0;
/** A unique e-mail per test and worker, so tests never collide in the shared database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now()}-${++seq}@example.com`;
}

/** Screenshots per step, into test-results/screenshots/<flow>/NN-step.png. */
export function stepShots(page: Page, flow: string) {
  let n = 0;
  return async (step: string) => {
    n += 1;
    await page.screenshot({ path: `test-results/screenshots/${flow}/${String(n).padStart(2, '0')}-${step}.png`, fullPage: true });
  };
}

export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill(user.name);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/strategies$/);
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
}
