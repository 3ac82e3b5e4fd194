import { RecordingConnector } from '../support/recording-connector';
import { messageActivity, testTenantId } from '../support/teams-activities';
import { startTestBot, type TestBot } from '../support/test-bot';

// Production mode with credentials: Bot Framework JWT validation is on.
let connector: RecordingConnector;
let bot: TestBot;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  // botbuilder's CloudAdapter writes rejected requests to console.error; keep the test output clean.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  connector = await new RecordingConnector().start();
  bot = await startTestBot({
    env: {
      MAMORI_MODE: 'production',
      HOST: '127.0.0.1',
      MAMORI_BOT_APP_ID: '0f6b8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      MAMORI_BOT_APP_PASSWORD: 'not-a-real-secret',
      MAMORI_TENANT_ID: testTenantId,
      MAMORI_COMPANY_PROFILE: 'bot/policy-pack/company-profile.example.yaml',
    },
  });
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
  consoleError.mockRestore();
});

describe('production mode', () => {
  it('answers 401 to an activity without a Bot Framework token and sends nothing', async () => {
    const response = await bot.post(messageActivity({ serviceUrl: connector.url, text: 'help' }));
    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('answers 401 to a token that is not a valid JWT', async () => {
    const response = await bot.post(messageActivity({ serviceUrl: connector.url, text: 'help' }), {
      authorization: 'Bearer not.a.token',
    });
    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('still answers 400 to a malformed body', async () => {
    expect((await bot.post('not json')).status).toBe(400);
  });
});
