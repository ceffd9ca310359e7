// Bad input at the door: duplicate e-mail, wrong password, invalid sign-up fields, in both languages.
import { expect, test } from '@playwright/test';
import { signIn, signUp, stepShots, uniqueEmail } from './helpers';

test('duplicate e-mail and wrong password show clear messages', async ({ page, context }) => {
  const shot = stepShots(page, 'auth-errors');
  const user = { name: 'Chen', email: uniqueEmail('dup'), password: 'first-password' };
  await signUp(page, user);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill('Someone else');
  await page.getByLabel('E-mail').fill(user.email.toUpperCase());
  await page.getByLabel('Password').fill('another-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main').getByRole('alert').first()).toContainText('An account with this e-mail already exists');
  await shot('duplicate-email');

  await signIn(page, { email: user.email, password: 'wrong-password' });
  await expect(page.locator('main').getByRole('alert')).toHaveText('Wrong e-mail or password.');
  await expect(page).toHaveURL(/\/sign-in/);
  await shot('wrong-password');

  // The same in Chinese.
  await context.addCookies([{ name: 'nofx-locale', value: 'zh-CN', url: page.url() }]);
  await page.goto('/sign-in');
  await page.getByLabel('电子邮箱').fill(user.email);
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).last().click();
  await expect(page.locator('main').getByRole('alert')).toHaveText('电子邮箱或密码错误。');
  await shot('wrong-password-zh');
});

test('sign-up form shows a message per invalid field', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Please enter a display name.')).toBeVisible();
  await expect(page.getByText('Please enter a valid e-mail address.')).toBeVisible();
  await expect(page.getByText('The password must have at least 8 characters.')).toBeVisible();
});

test('another user’s strategy is not found, and the API answers 4xx with no stack', async ({ browser, request }) => {
  const a = await browser.newContext();
  const pageA = await a.newPage();
  await signUp(pageA, { name: 'A', email: uniqueEmail('owner'), password: 'owner-password' });
  await pageA.getByLabel('New strategy name').fill('Private alpha');
  await pageA.getByRole('button', { name: 'Create strategy' }).click();
  await pageA.getByRole('link', { name: 'Private alpha' }).click();
  await expect(pageA.getByTestId('strategy-name')).toHaveText('Private alpha');
  const url = pageA.url();

  const b = await browser.newContext();
  const pageB = await b.newPage();
  await signUp(pageB, { name: 'B', email: uniqueEmail('other'), password: 'other-password' });
  await pageB.goto(url);
  await expect(pageB.locator('main').getByRole('alert')).toHaveText('Not found, or you do not have access to it.');

  const res = await request.post('/api/trpc/strategy.create', { data: { name: 12 } });
  expect(res.status()).toBe(401);
  const bad = await request.post('/api/trpc/auth.signUp', { data: { email: 'x' } });
  expect(bad.status()).toBe(400);
  const body = await bad.text();
  expect(body).not.toMatch(/stack|at [A-Za-z]+ \(/);
  await a.close();
  await b.close();
});

test('theme and market colours persist', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('Dark', { exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('China / Hong Kong: red up, green down').check();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-market-colors', 'cn');
  const upColor = await page.getByTestId('sample-up').evaluate((el) => getComputedStyle(el).color);
  expect(upColor).toBe('rgb(255, 107, 107)'); // red for "up" in the dark theme
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
