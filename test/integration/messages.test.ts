import { adaptiveCardProblems } from '../support/adaptive-card-check';
import { RecordingConnector } from '../support/recording-connector';
import { installActivity, messageActivity, conversationUpdateBotAdded } from '../support/teams-activities';
import { startTestBot, type TestBot } from '../support/test-bot';

// The demo company's システム管理者 (bot/policy-pack/company-profile.example.yaml): security staff.
const staffId = 'cb92ca29-d1d2-4ccb-98ad-b99e26ae8aba';

let connector: RecordingConnector;
let bot: TestBot;

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});
beforeEach(() => connector.clear());

type Attachment = {
  contentType: string;
  content: { body: { type: string; text?: string; actions?: { title: string }[] }[] };
};

function cardOf(message: Record<string, unknown> | undefined) {
  const attachments = message?.attachments as Attachment[] | undefined;
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const content = attachments![0]!.content;
  expect(adaptiveCardProblems(content)).toEqual([]);
  return content;
}
const buttonTitles = (content: Attachment['content']) =>
  content.body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions!.map((a) => a.title));
const texts = (content: Attachment['content']) => content.body.map((e) => e.text ?? '').join('\n');

async function send(activity: unknown, expectedMessages = 1) {
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  await connector.waitForCalls(expectedMessages);
  return connector.messages();
}

describe('POST /api/messages', () => {
  it('welcomes a new user in Japanese with a button per capability when the app is installed', async () => {
    const [welcome] = await send(installActivity({ serviceUrl: connector.url }));
    const content = cardOf(welcome);
    expect(texts(content)).toContain('Mamori（守り）へようこそ');
    expect(buttonTitles(content)).toEqual([
      '規程について質問',
      'インシデントを報告',
      '持ち出しを申請',
      '研修を受ける',
      '自分の状況',
    ]);
  });

  it('welcomes once when Teams sends both conversationUpdate and installationUpdate for one install', async () => {
    const conversationId = 'a:double-install';
    await bot.post(conversationUpdateBotAdded({ serviceUrl: connector.url, conversationId }));
    await bot.post(installActivity({ serviceUrl: connector.url, conversationId }));
    await connector.waitForCalls(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages()).toHaveLength(1);
  });

  it('answers help in English for an English Teams locale, with the staff buttons for security staff', async () => {
    const [reply] = await send(
      messageActivity({ serviceUrl: connector.url, text: 'help', locale: 'en-US', aadObjectId: staffId }),
    );
    const content = cardOf(reply);
    expect(texts(content)).toContain('Welcome to Mamori');
    expect(buttonTitles(content)).toEqual(
      expect.arrayContaining(['MFA coverage', 'Device compliance', 'Report an incident']),
    );
  });

  it('shows the card again for ヘルプ typed in full-width or with spaces', async () => {
    const [reply] = await send(messageActivity({ serviceUrl: connector.url, text: ' ヘルプ ' }));
    expect(buttonTitles(cardOf(reply))).toContain('インシデントを報告');
  });

  it('answers a button press for a capability that is not built yet plainly, not with an error', async () => {
    const [reply] = await send(
      messageActivity({
        serviceUrl: connector.url,
        value: { mamori: 'openCapability', capability: 'training' },
      }),
    );
    expect(reply?.text).toBe('「研修を受ける」はまだ準備中です。まもなく使えるようになります。');
  });

  it('opens the incident report card for a natural phrase, with the category taken from the words', async () => {
    const [reply] = await send(
      messageActivity({ serviceUrl: connector.url, text: 'ウイルスに感染したかも' }),
    );
    const content = cardOf(reply) as unknown as { body: { id?: string; value?: string }[] };
    expect(JSON.stringify(content)).toContain('インシデントを報告');
    expect(content.body.find((e) => e.id === 'category')?.value).toBe('ウイルス感染');
  });

  it('refuses tenant-wide figures to an employee who is not security staff', async () => {
    const [reply] = await send(messageActivity({ serviceUrl: connector.url, text: 'MFA登録状況' }));
    expect(reply?.text).toContain('セキュリティ担当者');
  });

  it('handles an activity delivered twice with the same id once', async () => {
    const activity = messageActivity({ serviceUrl: connector.url, text: 'help', id: 'redelivered-1' });
    expect((await bot.post(activity)).status).toBe(200);
    expect((await bot.post(activity)).status).toBe(200);
    await connector.waitForCalls(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages()).toHaveLength(1);
  });

  it('drops an activity from another tenant without replying', async () => {
    const response = await bot.post(
      messageActivity({
        serviceUrl: connector.url,
        text: 'help',
        tenantId: '99999999-9999-4999-8999-999999999999',
      }),
    );
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.calls).toHaveLength(0);
  });

  it('answers 400, not 500, to a body that is not JSON or not an activity', async () => {
    expect((await bot.post('{"type": "message",')).status).toBe(400);
    expect((await bot.post({ hello: 'world' })).status).toBe(400);
    expect((await bot.post([1, 2, 3])).status).toBe(400);
    const body = (await (await bot.post({ type: 42 })).json()) as { error: { code: string } };
    expect(body.error.code).toBe('badRequest');
  });

  it('survives a 1 MB message: asks to shorten it and stays healthy', async () => {
    const [reply] = await send(messageActivity({ serviceUrl: connector.url, text: 'あ'.repeat(1_000_000) }));
    expect(reply?.text).toContain('長すぎます');
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
  });

  it('serves /healthz', async () => {
    const response = await fetch(`${bot.server.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
