import { ConfigError, configKeys, loadConfig, parseConfig, redactedSummary } from '../../bot/src/config';

const production = {
  MAMORI_MODE: 'production',
  MAMORI_BOT_APP_ID: '0f6b8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  MAMORI_BOT_APP_PASSWORD: 'secret-value',
  MAMORI_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  MAMORI_COMPANY_PROFILE: '/etc/mamori/company-profile.yaml',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.key);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('starts in local mode on 127.0.0.1:3978 with auth off when nothing is set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      host: '127.0.0.1',
      port: 3978,
      bot: null,
      playgroundPort: 56150,
    });
  });

  it('answers in Japanese in local mode although the Playground always sends en-US, unless told to follow the activity', () => {
    expect(parseConfig({}).localeOverride).toBe('ja-JP');
    expect(parseConfig({ MAMORI_LOCAL_LOCALE: 'activity' }).localeOverride).toBeNull();
    expect(parseConfig({ ...production, MAMORI_LOCAL_LOCALE: 'en-US' }).localeOverride).toBeNull();
  });

  it('binds 127.0.0.1 in local mode even when HOST asks for every interface', () => {
    expect(parseConfig({ HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
  });

  it('never turns auth on in local mode, even with credentials in the environment', () => {
    expect(parseConfig({ ...production, MAMORI_MODE: 'local' }).bot).toBeNull();
  });

  it('refuses a production start without credentials, naming every missing key', () => {
    expect(problemsOf({ MAMORI_MODE: 'production' }).sort()).toEqual([
      'MAMORI_BOT_APP_ID',
      'MAMORI_BOT_APP_PASSWORD',
      'MAMORI_COMPANY_PROFILE',
      'MAMORI_TENANT_ID',
    ]);
  });

  it('names every invalid key at once', () => {
    const keys = problemsOf({
      ...production,
      MAMORI_TENANT_ID: 'contoso',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
    });
    expect(keys.sort()).toEqual(['LOG_LEVEL', 'MAMORI_TENANT_ID', 'PORT']);
  });

  it('talks to Microsoft Graph with the bot app in production unless a Graph app is given, and to the simulator locally', () => {
    expect(parseConfig(production).graph).toEqual({
      kind: 'microsoft',
      baseUrl: 'https://graph.microsoft.com/v1.0',
      tenantId: production.MAMORI_TENANT_ID,
      clientId: production.MAMORI_BOT_APP_ID,
      clientSecret: 'secret-value',
    });
    const own = parseConfig({
      ...production,
      MAMORI_GRAPH_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
      MAMORI_GRAPH_CLIENT_SECRET: 'graph-secret',
    }).graph;
    expect(own).toMatchObject({
      clientId: '22222222-3333-4444-8555-666666666666',
      clientSecret: 'graph-secret',
    });
    expect(parseConfig({}).graph).toEqual({ kind: 'simulator' });
    expect(JSON.stringify(redactedSummary(parseConfig(production)))).not.toContain('secret-value');
  });

  it('needs a SharePoint site to keep records in SharePoint', () => {
    expect(problemsOf({ ...production, MAMORI_STORE: 'sharepoint' })).toEqual(['MAMORI_SHAREPOINT_SITE_ID']);
    const siteId =
      'contoso.sharepoint.com,2c3d4e5f-1111-4222-8333-444455556666,3d4e5f60-1111-4222-8333-444455556666';
    expect(
      parseConfig({ ...production, MAMORI_STORE: 'sharepoint', MAMORI_SHAREPOINT_SITE_ID: siteId }).store,
    ).toEqual({
      kind: 'sharepoint',
      siteId,
    });
    expect(parseConfig(production).store).toEqual({ kind: 'sqlite' });
  });

  it('gives responders 30 minutes for level 2-3 incidents and 4 hours otherwise unless configured', () => {
    expect(parseConfig({}).incidentAck).toEqual({ urgentMinutes: 30, normalMinutes: 240 });
    expect(parseConfig({ MAMORI_INCIDENT_ACK_MINUTES_URGENT: '15' }).incidentAck.urgentMinutes).toBe(15);
    expect(problemsOf({ MAMORI_INCIDENT_ACK_MINUTES: '0' })).toEqual(['MAMORI_INCIDENT_ACK_MINUTES']);
  });

  it('treats blank values as unset', () => {
    expect(problemsOf({ ...production, MAMORI_BOT_APP_PASSWORD: '   ' })).toEqual([
      'MAMORI_BOT_APP_PASSWORD',
    ]);
  });

  it('builds production credentials and keeps the secret out of the summary', () => {
    const config = parseConfig(production);
    expect(config.bot).toEqual({
      appId: production.MAMORI_BOT_APP_ID,
      appPassword: 'secret-value',
      tenantId: production.MAMORI_TENANT_ID,
    });
    expect(config.host).toBe('0.0.0.0');
    expect(JSON.stringify(redactedSummary(config))).not.toContain('secret-value');
  });
});

describe('documentation of the settings', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const keys = Object.keys(configKeys);

  it('.env.example names every setting Mamori reads', () => {
    const example = fs.readFileSync('.env.example', 'utf8');
    for (const key of keys) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
  });

  it('the README configuration table names every setting, with production and secret columns', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    for (const key of keys) {
      const { required, secret } = configKeys[key as keyof typeof configKeys];
      const row = `^\\|\\s*\`${key}\`\\s*\\|\\s*${required ? 'yes' : 'no'}\\s*\\|\\s*${secret ? 'yes' : 'no'}\\s*\\|`;
      expect(readme).toMatch(new RegExp(row, 'm'));
    }
  });
});

describe('loadConfig', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const os = jest.requireActual<typeof import('node:os')>('node:os');
  const path = jest.requireActual<typeof import('node:path')>('node:path');

  it('reads a .env file, with the process environment winning over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-env-'));
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const config = loadConfig({ cwd: dir, env: { LOG_LEVEL: 'warn' } });
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('warn');
  });

  it('works without a .env file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-env-'));
    expect(loadConfig({ cwd: dir, env: {} }).port).toBe(3978);
  });
});
