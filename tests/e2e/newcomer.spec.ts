// A newcomer's first visit: sign up, sign out, sign in, create and rename a strategy, open it,
// switch to Chinese, sign out. One screenshot per step in test-results/screenshots/newcomer/.
import { expect, test } from '@playwright/test';
import { stepShots, uniqueEmail } from './helpers';

test('newcomer: sign up, sign in, create + rename a strategy, switch language, sign out', async ({ page }) => {
  const shot = stepShots(page, 'newcomer');
  const user = { name: 'Li Wei', email: uniqueEmail('newcomer'), password: 'trade-safely-1' };
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  await test.step('open the app', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Build trading strategies by wiring nodes' })).toBeVisible();
    for (const item of ['Strategies', 'Backtests', 'Templates', 'Debate Arena', 'Traders', 'Settings']) {
      await expect(nav.getByRole('link', { name: item })).toBeVisible();
    }
    await shot('landing');
  });

  await test.step('sign up', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await page.getByLabel('Display name').fill(user.name);
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await shot('sign-up-filled');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/strategies$/);
    await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${user.name}`);
    await expect(page.getByText('No strategies yet')).toBeVisible();
    await shot('signed-up');
  });

  await test.step('sign out, then sign in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await shot('sign-in-filled');
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await expect(page).toHaveURL(/\/strategies$/);
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    await shot('signed-in');
  });

  await test.step('an empty name gets a clear message', async () => {
    await page.getByRole('button', { name: 'Create strategy' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText('Please enter a name.');
    await shot('empty-name-error');
  });

  await test.step('create a strategy and see it in the list', async () => {
    await page.getByLabel('New strategy name').fill('MA crossover CSI 300');
    await page.getByRole('button', { name: 'Create strategy' }).click();
    const row = page.getByTestId('strategy-row').filter({ hasText: 'MA crossover CSI 300' });
    await expect(row).toBeVisible();
    await expect(page.getByText('1 strategy')).toBeVisible();
    await shot('created');
  });

  await test.step('rename it', async () => {
    await page.getByTestId('strategy-row').getByRole('button', { name: 'Rename' }).click();
    const input = page.getByLabel('New name for MA crossover CSI 300');
    await input.fill('x'.repeat(81));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('main').getByRole('alert').filter({ hasText: 'at most 80 characters' })).toBeVisible();
    await input.fill('Dual MA crossover');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('strategy-row').getByRole('link', { name: 'Dual MA crossover' })).toBeVisible();
    await expect(page.getByText('Renamed to “Dual MA crossover”')).toBeVisible();
    await shot('renamed');
  });

  await test.step('open the editor', async () => {
    await page.getByRole('link', { name: 'Dual MA crossover' }).click();
    await expect(page).toHaveURL(/\/strategies\/[^/]+$/);
    await expect(page.getByRole('heading', { name: 'Strategy Studio Dual MA crossover' })).toBeVisible();
    await expect(page.getByTestId('canvas-empty')).toContainText('An empty strategy');
    await shot('editor');
    await page.getByRole('link', { name: /Back to strategies/ }).click();
    await expect(page).toHaveURL(/\/strategies$/);
  });

  await test.step('switch to Chinese', async () => {
    await page.getByTestId('language-switch').selectOption('zh-CN');
    const zhNav = page.getByRole('navigation', { name: '主导航' });
    await expect(zhNav.getByRole('link', { name: '策略' })).toBeVisible();
    await expect(zhNav.getByRole('link', { name: '辩论竞技场' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '策略' })).toBeVisible();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    // Error messages follow the language too.
    await page.getByRole('button', { name: '创建策略' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText('请输入名称。');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await shot('chinese');
  });

  await test.step('the language survives a reload', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: '策略' })).toBeVisible();
  });

  await test.step('sign out', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await page.goto('/strategies');
    await expect(page).toHaveURL(/\/sign-in$/);
    await shot('signed-out');
  });
});
