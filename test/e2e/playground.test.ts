import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { card } from '../../bot/src/cards/card';
import { loadDemoTenant } from '../../bot/src/demo/demo-tenant';
import {
  startPlayground,
  PLAYGROUND_SELECTORS as S,
  type RunningPlayground,
} from '../../bot/src/demo/playground';
import { playgroundConfigYaml } from '../../bot/src/demo/playground-config';
import { describeWithBrowser, launchChromium } from '../support/browser';
import { freePort } from '../support/free-port';
import { startTestBot, type TestBot } from '../support/test-bot';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(120_000);

const tenant = loadDemoTenant();
const systemAdministrator = tenant.personas.systemAdministrator;
const screenshots = path.resolve('test-results');

describeWithBrowser('the local demo in the Microsoft 365 Agents Playground', () => {
  let bot: TestBot;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Local mode as `npm start` runs it: the demo tenant, Japanese although the Playground says en-US.
    bot = await startTestBot({ env: { MAMORI_TENANT_ID: tenant.tenant.id, MAMORI_LOCAL_LOCALE: 'ja-JP' } });
    const configPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-e2e-')), 'playground.yml');
    fs.writeFileSync(configPath, playgroundConfigYaml(tenant));
    playground = await startPlayground({
      botEndpoint: `${bot.server.url}/api/messages`,
      port: await freePort(),
      configPath,
      env: { TZ: 'Asia/Tokyo' },
    });
    browser = await launchChromium();
    page = await browser.newPage({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1400, height: 1000 },
    });
    fs.mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  const botMessages = () => page.locator(S.message).filter({ has: page.locator(S.messageAuthor) });

  it('welcomes on opening, shows the card again for ヘルプ, and answers a button', async () => {
    await page.goto(playground.url);
    // Opening the chat installs the app: the welcome card arrives by itself.
    await page.locator(S.adaptiveCard).filter({ hasText: 'Mamori（守り）へようこそ' }).first().waitFor();

    await page.locator(S.compose).click();
    await page.keyboard.type('ヘルプ');
    await page.keyboard.press('Enter');
    const cards = page.locator(S.adaptiveCard).filter({ hasText: 'Mamori（守り）へようこそ' });
    await waitUntil(
      () => cards.count(),
      (n) => n === 2,
      { what: 'a second welcome card' },
    );
    const helpCard = cards.last();
    for (const title of [
      '規程について質問',
      'インシデントを報告',
      '持ち出しを申請',
      '研修を受ける',
      '自分の状況',
    ]) {
      await helpCard.getByRole('button', { name: title }).waitFor();
    }

    const before = await botMessages().count();
    await helpCard.getByRole('button', { name: '研修を受ける' }).click();
    await waitUntil(
      () => botMessages().count(),
      (n) => n > before,
      { what: 'a reply to the button' },
    );
    const reply = await waitUntil(
      () => botMessages().last().innerText(),
      (text) => text.includes('「研修を受ける」はまだ準備中です'),
      { what: 'the coming-soon reply' },
    );
    expect(reply).toContain('研修を受ける');
    await page.screenshot({ path: path.join(screenshots, 'e2e-playground-help.png'), fullPage: true });
  });

  it('answers 「USBメモリで極秘データを持ち出すには？」 citing 組織的対策 5.6, and takes feedback on the card', async () => {
    await page.locator(S.compose).click();
    await page.keyboard.type('USBメモリで極秘データを持ち出すには？');
    await page.keyboard.press('Enter');
    const answer = page.locator(S.adaptiveCard).filter({ hasText: '規程の回答' }).last();
    await answer.waitFor({ timeout: 20_000 });
    const text = await answer.innerText();
    expect(text).toContain('出典: 組織的対策 5.6 情報資産の社外持ち出し');
    expect(text).toContain('極秘の場合は代表取締役の許可を得る');

    await answer.getByRole('button', { name: '役に立った' }).click();
    await waitUntil(
      () => page.locator(S.adaptiveCard).filter({ hasText: '規程の回答' }).last().innerText(),
      (t) => t.includes('フィードバックありがとうございました'),
      { what: 'the answer card updated in place' },
    );
    await page.screenshot({ path: path.join(screenshots, 'e2e-playground-answer.png'), fullPage: true });
  });

  it('reports a virus infection from the card and shows the level and the disconnect-first guidance', async () => {
    await page.locator(S.compose).click();
    await page.keyboard.type('ウイルスに感染したかも');
    await page.keyboard.press('Enter');
    const intake = page.locator(S.adaptiveCard).filter({ hasText: 'インシデントを報告' }).last();
    await intake.waitFor({ timeout: 20_000 });
    expect(await intake.getByRole('radio', { name: 'ウイルス感染' }).isChecked()).toBe(true);
    // 「いつ気づきましたか」 starts at now; the words typed are the category's evidence.
    await intake.getByLabel('影響を受けたシステム・機器・書類').fill('営業部のノートPC');
    await intake.getByRole('radio', { name: 'いいえ' }).check();
    await intake.getByRole('radio', { name: '従業員の業務' }).check();
    await intake.getByLabel('連絡先', { exact: false }).fill('090-1234-5678');
    await intake.getByRole('button', { name: '報告する' }).click();

    const status = await waitUntil(
      () => page.locator(S.adaptiveCard).filter({ hasText: '事故レベル' }).last().innerText(),
      (t) => t.includes('ネットワークから切り離してください'),
      { what: 'the reporter status card', timeoutMs: 30_000 },
    );
    expect(status).toContain('事故レベル 1');
    expect(status).toContain('組織的対策 9.2');
    await page.screenshot({ path: path.join(screenshots, 'e2e-playground-incident.png'), fullPage: true });
  });

  it('sends a proactive card to another demo person through the Playground connector', async () => {
    const result = await bot.notifier.sendCard(
      { aadObjectId: systemAdministrator },
      card([{ type: 'TextBlock', text: '承認依頼のテスト', wrap: true }]),
      '承認依頼のテスト',
    );
    expect(result.ok).toBe(true);
  });
});
