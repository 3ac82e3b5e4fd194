import { loadDemoTenant } from '../../bot/src/demo/demo-tenant';
import { qaFeedbackKind } from '../../bot/src/policy/records';
import { RecordingConnector } from '../support/recording-connector';
import { cardActionInvoke, messageActivity } from '../support/teams-activities';
import { startTestBot, type TestBot } from '../support/test-bot';

const tenant = loadDemoTenant();
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
});

describe('local mode', () => {
  it('reads the demo company from the built-in Graph simulator', async () => {
    const users = await bot.directory.listUsers();
    expect(users).toHaveLength(tenant.users.length);
    expect(users.map((u) => u.displayName)).toContain('佐藤 健一');
    expect(bot.graph.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
  });

  it("finds an employee's department head as their manager", async () => {
    const employee = tenant.users.find((u) => u.id === tenant.personas.employees[0]);
    const manager = await bot.directory.getManager(employee!.id);
    expect(manager?.id).toBe(employee!.managerId);
    expect(manager?.jobTitle).toBe('部長');
  });
});

describe('local mode with MAMORI_STORE=sharepoint', () => {
  it('keeps records in SharePoint lists on the simulator, provisioned at start', async () => {
    const sharepoint = await startTestBot({ env: { MAMORI_STORE: 'sharepoint' } });
    try {
      const created = await sharepoint.records.create(qaFeedbackKind, {
        question: 'テスト',
        sectionId: '組織的対策 5.6',
        helpful: true,
        userId: tenant.personas.employees[0]!,
        locale: 'ja',
      });
      expect(created.etag).toMatch(/^"\{?[0-9a-f-]+\}?,\d+"$/i); // a SharePoint list item ETag
      const page = await sharepoint.records.query(qaFeedbackKind, { where: { helpful: true }, limit: 10 });
      expect(page.records.map((r) => r.id)).toEqual([created.id]);
    } finally {
      await sharepoint.stop();
    }
  });
});

describe('a SharePoint outage while a user gives feedback', () => {
  it('tells the user the feedback was received, keeps it, and records it once when SharePoint is back', async () => {
    const connector = await new RecordingConnector().start();
    const sharepoint = await startTestBot({ env: { MAMORI_STORE: 'sharepoint' } });
    const asker = tenant.personas.employees[0]!;
    try {
      await sharepoint.post(
        messageActivity({ serviceUrl: connector.url, aadObjectId: asker, text: 'パスワードは何文字以上？' }),
      );
      await connector.waitForCalls(1);
      const card = JSON.stringify(connector.messages()[0]);
      const answerKey = /"answerKey":"([0-9a-f-]{36})"/.exec(card)![1]!;

      sharepoint.graph.simulatorFaults!.failNext(50, { status: 503, pathPrefix: '/sites' });
      const pressed = await sharepoint.post(
        cardActionInvoke({
          serviceUrl: connector.url,
          aadObjectId: asker,
          verb: 'qaFeedback',
          data: { answerKey, helpful: true },
        }),
      );
      const body = (await pressed.json()) as { value: string };
      expect(body.value).toContain('フィードバックを受け付けました');

      sharepoint.graph.simulatorFaults!.reset();
      await sharepoint.writer.drain();
      await sharepoint.writer.drain(); // a second drain delivers nothing twice
      const feedback = await sharepoint.records.query(qaFeedbackKind, { where: { answerKey }, limit: 10 });
      expect(feedback.records.map((r) => r.data.helpful)).toEqual([true]);
    } finally {
      await sharepoint.stop();
      await connector.stop();
    }
  });
});
