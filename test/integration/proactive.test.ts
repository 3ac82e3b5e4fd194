import { RecordingConnector } from '../support/recording-connector';
import { card } from '../../bot/src/cards/card';
import { messageActivity, testTenantId } from '../support/teams-activities';
import { startTestBot, type TestBot } from '../support/test-bot';

const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const bob = 'bbbbbbbb-0000-4000-8000-000000000002';
const notice = card([{ type: 'TextBlock', text: '承認依頼', wrap: true }]);
const decided = card([{ type: 'TextBlock', text: '承認済み', wrap: true }]);

// Bot Framework posts a proactive message as a reply to the continuation activity or to the conversation.
const isSend = (c: { kind: string }) => c.kind === 'send' || c.kind === 'reply';

let connector: RecordingConnector;
let bot: TestBot;

beforeEach(async () => {
  connector = await new RecordingConnector().start();
  bot = await startTestBot();
});
afterEach(async () => {
  await bot.stop();
  await connector.stop();
});

async function talk(aadObjectId: string) {
  await bot.post(messageActivity({ serviceUrl: connector.url, aadObjectId, text: 'help' }));
  await connector.waitForCalls(1);
  connector.clear();
}

describe('Notifier', () => {
  it('sends a card into the chat a person already has with the bot, then updates it', async () => {
    await talk(alice);
    const sent = await bot.notifier.sendCard({ aadObjectId: alice }, notice, '承認依頼');
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.message.conversationId).toBe(`a:personal-${alice}`);
    expect(isSend(connector.calls[0]!)).toBe(true);
    expect(connector.calls[0]?.conversationId).toBe(`a:personal-${alice}`);
    expect(JSON.stringify(connector.calls[0]?.body)).toContain('承認依頼');

    const updated = await bot.notifier.updateCard(sent.message, decided);
    expect(updated.ok).toBe(true);
    expect(connector.calls[1]).toMatchObject({ kind: 'update', activityId: sent.message.activityId });
    expect(JSON.stringify(connector.calls[1]?.body)).toContain('承認済み');
  });

  it('opens a chat in the tenant for someone who never talked to the bot, and remembers it', async () => {
    await talk(alice); // gives the bot a service URL to reach the tenant through
    const sent = await bot.notifier.sendCard({ aadObjectId: bob }, notice, '承認依頼');
    expect(sent.ok).toBe(true);
    const create = connector.calls.find((c) => c.kind === 'createConversation');
    expect(create?.body).toMatchObject({
      isGroup: false,
      members: [{ id: bob }],
      tenantId: testTenantId,
      channelData: { tenant: { id: testTenantId } },
    });
    expect(connector.calls.filter(isSend)).toHaveLength(1);
    expect((await bot.references.findPersonal(bob))?.conversationId).toBe(create?.conversationId);
  });

  it('keeps conversation references across a restart', async () => {
    await talk(alice);
    await bot.stop();
    bot = await startTestBot({ dataDir: bot.dataDir });
    const sent = await bot.notifier.sendCard({ aadObjectId: alice }, notice, '承認依頼');
    expect(sent.ok).toBe(true);
    expect(connector.calls).toHaveLength(1);
    expect(isSend(connector.calls[0]!)).toBe(true);
  });

  it('reports a person who blocked the bot as messageWritesBlocked', async () => {
    await talk(alice);
    connector.failWhen(isSend, {
      status: 403,
      body: { error: { code: 'Forbidden', message: 'Forbidden' }, subCode: 'MessageWritesBlocked' },
    });
    expect(await bot.notifier.sendCard({ aadObjectId: alice }, notice, '承認依頼')).toEqual({
      ok: false,
      reason: 'messageWritesBlocked',
      status: 403,
    });
  });

  it('reports a person without the app installed as notInstalled', async () => {
    await talk(alice);
    connector.failWhen((c) => c.kind === 'createConversation', {
      status: 403,
      body: {
        error: {
          code: 'ForbiddenOperationException',
          message: 'Bot is not installed in user personal scope',
        },
      },
    });
    expect(await bot.notifier.sendCard({ aadObjectId: bob }, notice, '承認依頼')).toEqual({
      ok: false,
      reason: 'notInstalled',
      status: 403,
    });
  });

  it('reports an update of a message Teams no longer has as conversationNotFound', async () => {
    await talk(alice);
    connector.failWhen((c) => c.kind === 'update', {
      status: 404,
      body: { error: { code: 'NotFound', message: 'Activity not found' } },
    });
    const result = await bot.notifier.updateCard(
      { conversationId: `a:personal-${alice}`, activityId: 'gone' },
      decided,
    );
    expect(result).toEqual({ ok: false, reason: 'conversationNotFound', status: 404 });
  });

  it('reports a throttled send as throttled', async () => {
    await talk(alice);
    connector.failWhen(() => true, {
      status: 429,
      body: { error: { code: 'Throttled', message: 'Too many' } },
    });
    const result = await bot.notifier.sendCard({ aadObjectId: alice }, notice, 'x');
    expect(result).toMatchObject({ ok: false, reason: 'throttled' });
  });
});
