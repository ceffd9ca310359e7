// Debate Arena end to end: configure an AI provider in Settings pointing at a local server that
// speaks OpenAI's protocol (started here), test it, run a debate on Moutai with two model
// participants and the heuristic analyst, watch the bubbles fill live, then the judge's verdict;
// reopen it from the list, turn it into node settings, and see it in Chinese. Screenshots per
// step in test-results/screenshots/arena-debate/.
import { expect, test } from '@playwright/test';
import { startFakeOpenAiServer, type TFakeOpenAiServer, type TFakeRequest } from '../helpers/fake-openai-server';
import { signUp, stepShots, uniqueEmail } from './helpers';

const KEY = 'sk-e2e-arena-0123456789';
let server: TFakeOpenAiServer;

/**
 * Participants' answers wait until the test has seen them "thinking" (a loaded machine may render
 * the page later than any fixed pause), with a cap so a broken page cannot hang the test.
 */
let releaseParticipants: () => void = () => {};
const participantsReleased = new Promise<void>((resolve) => {
  releaseParticipants = resolve;
});

/** Bulls buy, bears sell, the judge (research manager) sides with the bull; answers come after a pause. */
async function debater(request: TFakeRequest) {
  const system = request.messages[0]?.content ?? '';
  const judge = /research manager|研究经理|裁判/i.test(system);
  const bear = /You are the Bear|空头/.test(system);
  const participant = /You are the (Bull|Bear)|多头|空头/.test(system);
  if (participant) await Promise.race([participantsReleased, new Promise((r) => setTimeout(r, 20_000))]);
  const answer = judge
    ? { action: 'BUY', confidence: 0.7, reasoning: 'The bull case rests on the trend; the bear’s valuation worry does not outweigh it.' }
    : bear
      ? { action: 'SELL', confidence: 0.45, reasoning: 'Valuation is stretched after the run-up and volume is fading.' }
      : { action: 'BUY', confidence: 0.8, reasoning: 'Price holds above its 20-day average and momentum is positive.' };
  return { content: JSON.stringify(answer), delayMs: judge ? 300 : 1500 };
}

test.beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ['fake-model', 'fake-model-pro'], reply: debater });
});
test.afterAll(async () => {
  await server?.close();
});

test('arena: configure a provider, run a debate live, see the verdict, reopen it, use it in a strategy', async ({ page, context }) => {
  test.setTimeout(120_000);
  const shot = stepShots(page, 'arena-debate');
  await signUp(page, { name: 'Arena User', email: uniqueEmail('arena'), password: 'debate-well-1' });

  await test.step('Settings → AI providers: add a custom provider at the local server', async () => {
    await page.goto('/settings');
    const section = page.getByTestId('ai-providers');
    await expect(section.getByRole('heading', { name: 'AI providers' })).toBeVisible();
    await expect(section.getByTestId('ai-providers-empty')).toBeVisible();
    await section.getByRole('button', { name: 'Add provider' }).click();
    const form = page.getByTestId('ai-provider-form');
    await form.getByTestId('ai-provider-preset').selectOption('deepseek');
    await expect(form.getByLabel('Name')).toHaveValue('DeepSeek');
    await expect(form.getByLabel('Base URL')).toHaveAttribute('placeholder', 'https://api.deepseek.com/v1');
    await form.getByTestId('ai-provider-preset').selectOption('custom');
    await form.getByLabel('Name').fill('Local test LLM');
    await form.getByLabel('Base URL').fill(server.url);
    await form.getByLabel('API key').fill(KEY);
    await form.getByLabel('Default model').fill('fake-model');
    await shot('provider-form');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = section.getByTestId('ai-provider-row');
    await expect(row).toContainText('Local test LLM');
    await expect(row).toContainText('key …6789');
    await expect(row).toContainText('default');
    await expect(page.locator('body')).not.toContainText(KEY);
    await row.getByRole('button', { name: 'Test' }).click();
    await expect(row.getByTestId('ai-provider-test-result')).toContainText('Connected: fake-model answered in');
    await shot('provider-tested');
  });

  await test.step('a bad base URL is refused with the reason on the field', async () => {
    await page.getByTestId('ai-providers').getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('ai-provider-form');
    await expect(form.getByLabel('API key')).toHaveAttribute('placeholder', '…6789');
    await form.getByLabel('Base URL').fill('https://user:secret@example.com/v1');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toHaveText('Do not put a user name or password in the URL; use the API key field.');
    await form.getByRole('button', { name: 'Fetch models' }).click();
    await expect(form.getByTestId('ai-provider-form-status')).toContainText('The endpoint lists 2 models');
    await shot('provider-errors');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  let debateUrl = '';
  await test.step('set up a debate on Moutai with a judge', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Debate Arena' }).click();
    await expect(page.getByRole('heading', { name: 'Debate Arena', level: 1 })).toBeVisible();
    const setup = page.getByTestId('arena-setup');
    await setup.getByTestId('arena-symbol-search').fill('茅台');
    await page.getByRole('option', { name: /600519\.SH/ }).click();
    await expect(setup.getByTestId('arena-symbol-chosen')).toContainText('贵州茅台');
    await setup.getByLabel('Latest bar').uncheck();
    await setup.locator('input[type="date"]').fill('2021-06-01');
    await setup.getByLabel('Participant 1: Provider').selectOption({ label: 'Local test LLM' });
    await setup.getByLabel('Participant 2: Provider').selectOption({ label: 'Local test LLM' });
    await setup.getByLabel('Participant 2: Model').fill('fake-model-pro');
    await setup.getByLabel('Participant 3: Provider').selectOption({ label: 'Heuristic analyst (fixed rules, not an AI model)' });
    await setup.getByLabel('Judge model (research manager)').check();
    await setup.getByLabel('Judge: Provider').selectOption({ label: 'Local test LLM' });
    await shot('setup');
    server.resetCounts();
    await setup.getByRole('button', { name: 'Start debate' }).click();
  });

  await test.step('bubbles appear live: the heuristic analyst at once, the models while they think', async () => {
    const debate = page.getByTestId('arena-debate');
    await expect(debate.getByRole('heading', { name: '600519.SH as of 2021-06-01' })).toBeVisible();
    await expect(debate.getByTestId('arena-debate-status')).toHaveText(/running/);
    const round1 = debate.getByTestId('arena-round').first();
    const risk = round1.locator('[data-role="risk-manager"]');
    await expect(risk).toContainText('fixed rules · not AI');
    await expect(risk).toContainText('Heuristic analyst');
    await expect(round1.locator('[data-role="bull"]')).toContainText('thinking…');
    await shot('streaming');
    releaseParticipants();
    debateUrl = page.url();
    expect(debateUrl).toContain('?debate=');
  });

  await test.step('both rounds finish, then the judge decides', async () => {
    const debate = page.getByTestId('arena-debate');
    await expect(debate.getByTestId('arena-verdict')).toBeVisible({ timeout: 30_000 });
    await expect(debate.getByTestId('arena-debate-status')).toHaveText('finished');
    await expect(debate.getByTestId('arena-round')).toHaveCount(2);
    await expect(debate.locator('[data-testid="arena-bubble"][data-done="true"]')).toHaveCount(6);
    await expect(debate.locator('[data-role="bear"]').first()).toContainText('Valuation is stretched');
    await expect(debate.locator('[data-role="bear"]').first()).toContainText('fake-model-pro');
    await expect(debate.locator('[data-role="bull"]').first()).toContainText('Buy · 80%');
    const verdict = debate.getByTestId('arena-verdict');
    await expect(verdict).toContainText('Verdict: Buy');
    await expect(verdict).toContainText('confidence 70% · judge');
    await expect(verdict).toContainText('The bull case rests on the trend');
    // 2 model participants × 2 rounds + the judge; the heuristic analyst made no call
    expect(server.calls).toBe(5);
    await shot('verdict');
  });

  await test.step('the debate is listed, reopens after a reload, and becomes AI Debate node settings', async () => {
    const item = page.getByTestId('arena-list-item').first();
    await expect(item).toContainText('600519.SH');
    await expect(item).toContainText('Buy 70%');
    await page.goto(debateUrl);
    const debate = page.getByTestId('arena-debate');
    await expect(debate.getByTestId('arena-verdict')).toContainText('Verdict: Buy');
    await expect(debate.locator('[data-testid="arena-bubble"]')).toHaveCount(6);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
    await debate.getByRole('button', { name: 'Use in a strategy' }).click();
    const params = debate.getByTestId('arena-node-params');
    await expect(params).toContainText('"verdict": "judge"');
    await expect(params).toContainText('"role": "risk-manager"');
    const clip = await page.evaluate(() => localStorage.getItem('nofx-studio:clipboard'));
    expect(JSON.parse(clip ?? '{}')).toMatchObject({ kind: 'nofx-studio/nodes', nodes: [{ type: 'ai.debate' }] });
    await shot('use-in-strategy');
  });

  await test.step('in Chinese', async () => {
    await context.addCookies([{ name: 'nofx-locale', value: 'zh-CN', url: new URL(page.url()).origin }]);
    await page.reload();
    await expect(page.getByRole('heading', { name: '辩论竞技场', level: 1 })).toBeVisible();
    await expect(page.getByTestId('arena-verdict')).toContainText('裁决');
    await expect(page.getByTestId('arena-verdict')).toContainText('买入');
    await expect(page.getByTestId('arena-debate').locator('[data-role="risk-manager"]').first()).toContainText('固定规则 · 非 AI');
    await shot('zh-CN');
  });
});
