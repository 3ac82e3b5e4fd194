import { loadDemoTenant } from '../../bot/src/demo/demo-tenant';
import { qaAnswerKind, qaEscalationKind, qaFeedbackKind } from '../../bot/src/policy/records';
import { adaptiveCardProblems } from '../support/adaptive-card-check';
import { RecordingConnector } from '../support/recording-connector';
import { cardActionInvoke, messageActivity } from '../support/teams-activities';
import { startTestBot, type TestBot } from '../support/test-bot';

const tenant = loadDemoTenant();
const asker = tenant.personas.employees[0]!;
const systemAdministrator = tenant.personas.systemAdministrator;

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

interface Sent {
  text?: string;
  entities?: {
    type: string;
    citation: { position: number; appearance: { name: string; abstract: string } }[];
  }[];
  attachments?: {
    content: { body: unknown[]; actions?: { title: string; verb: string; data: unknown }[] };
  }[];
}

async function ask(text: string, locale = 'ja-JP'): Promise<Sent> {
  const response = await bot.post(
    messageActivity({ serviceUrl: connector.url, text, aadObjectId: asker, locale }),
  );
  expect(response.status).toBe(200);
  await connector.waitForCalls(1);
  return connector.messages()[0] as Sent;
}

async function press(verb: string, data: unknown, aadObjectId = asker) {
  const response = await bot.post(cardActionInvoke({ serviceUrl: connector.url, verb, data, aadObjectId }));
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: unknown };
}

const cardOf = (sent: Sent) => sent.attachments![0]!.content;
const answerKeyOf = (sent: Sent) =>
  (cardOf(sent).actions!.find((a) => a.verb === 'qaEscalate')!.data as { answerKey: string }).answerKey;

describe('policy questions through /api/messages', () => {
  it('answers a take-out question with 組織的対策 5.6 cited, as Teams citations and on the card', async () => {
    const sent = await ask('USBメモリで極秘データを持ち出すには？');
    expect(sent.text).toContain('組織的対策 5.6 情報資産の社外持ち出し');
    expect(sent.text).toContain('[1]');
    const citation = sent.entities![0]!;
    expect(citation.type).toBe('https://schema.org/Message');
    expect(citation.citation[0]!.appearance.name).toBe('組織的対策 5.6 情報資産の社外持ち出し');
    expect([...citation.citation[0]!.appearance.abstract].length).toBeLessThanOrEqual(160);
    const card = cardOf(sent);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('極秘の場合は代表取締役の許可を得る');
    expect(card.actions!.map((a) => a.title)).toEqual(['役に立った', '役に立たなかった', '担当者に聞く']);
  });

  it('frames an English question in English around the Japanese excerpt', async () => {
    const sent = await ask('How long must a password be?', 'en-US');
    const json = JSON.stringify(cardOf(sent));
    expect(json).toContain('According to');
    expect(json).toContain('Helpful');
    expect(sent.text).toMatch(/^Source: /);
  });

  it('says the policy does not cover an unrelated question and offers to ask the administrator', async () => {
    const sent = await ask('来月の社員旅行の行き先はどこですか？');
    expect(sent.entities).toBeUndefined();
    const card = cardOf(sent);
    expect(JSON.stringify(card)).toContain('見つかりませんでした');
    expect(card.actions!.map((a) => a.title)).toEqual(['担当者に聞く']);
  });

  it('shows Markdown and HTML in a question literally, never as formatting', async () => {
    const sent = await ask('**USB**メモリ <b>持ち出し</b> [link](http://x) の規則は？');
    const json = JSON.stringify(cardOf(sent));
    expect(json).toContain(
      '"type":"TextRun","text":"ご質問: **USB**メモリ <b>持ち出し</b> [link](http://x) の規則は？"',
    );
  });

  it('records feedback once, and updates the card in place', async () => {
    const sent = await ask('パスワードは何文字以上にすればいい？');
    const answerKey = answerKeyOf(sent);
    const first = await press('qaFeedback', { answerKey, helpful: true });
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.value)).toContain('フィードバックありがとうございました');
    expect(adaptiveCardProblems(first.value)).toEqual([]);
    await press('qaFeedback', { answerKey, helpful: false }); // a second press, or a redelivery
    const feedback = await bot.records.query(qaFeedbackKind, { where: { userId: asker }, limit: 10 });
    expect(feedback.records.map((r) => r.data.helpful)).toEqual([true]);
  });

  it('refuses the buttons of someone else’s answer', async () => {
    const sent = await ask('パスワードは何文字以上にすればいい？');
    const result = await press(
      'qaFeedback',
      { answerKey: answerKeyOf(sent), helpful: true },
      tenant.personas.ceo,
    );
    expect(result.value).toBe('この操作は質問した本人だけができます。');
  });

  it('passes a question to the システム管理者 once and tells the asker', async () => {
    const sent = await ask('来月の社員旅行の行き先はどこですか？');
    connector.clear();
    const result = await press('qaEscalate', { answerKey: answerKeyOf(sent) });
    expect(JSON.stringify(result.value)).toContain('システム管理者（佐藤 健一）に伝えました');
    const toAdmin = connector.calls.find((c) => c.kind === 'createConversation');
    expect(toAdmin?.body).toMatchObject({ members: [{ id: systemAdministrator }] });
    expect(JSON.stringify(connector.messages())).toContain('来月の社員旅行の行き先はどこですか？');

    connector.clear();
    await press('qaEscalate', { answerKey: answerKeyOf(sent) });
    expect(connector.calls).toHaveLength(0);
    const escalations = await bot.records.query(qaEscalationKind, { where: { askerId: asker }, limit: 10 });
    expect(escalations.records).toHaveLength(1);
    expect(escalations.records[0]!.data).toMatchObject({ assignedTo: systemAdministrator, notified: true });
  });

  it('gives the asker the administrator’s phone when Teams cannot reach them', async () => {
    const sent = await ask('社内の忘年会の日程を教えてください');
    connector.failWhen(() => true, {
      status: 403,
      body: { error: { code: 'Forbidden', message: 'blocked' }, subCode: 'MessageWritesBlocked' },
    });
    const result = await press('qaEscalate', { answerKey: answerKeyOf(sent) });
    expect(JSON.stringify(result.value)).toContain('090-0000-0002');
    const stored = await bot.records.query(qaAnswerKind, {
      where: { answerKey: answerKeyOf(sent) },
      limit: 1,
    });
    expect(stored.records[0]!.data.escalation).toBe('failed');
  });

  it('refuses a card action with a forged or missing answer key', async () => {
    expect((await press('qaFeedback', { answerKey: 'not-a-uuid', helpful: true })).value).toContain(
      '認識できませんでした',
    );
    expect(
      (await press('qaEscalate', { answerKey: '5d0c6a38-2d3b-4f6e-9a51-7b3e6f0d2c11' })).value,
    ).toContain('見つかりませんでした');
  });
});
