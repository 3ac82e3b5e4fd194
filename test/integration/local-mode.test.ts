import { loadDemoTenant } from '../../bot/src/demo/demo-tenant';
import { qaFeedbackKind } from '../../bot/src/policy/records';
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
