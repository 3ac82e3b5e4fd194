import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { projectRoot } from './shared/project-root';

/**
 * The only reader of `process.env`. Everything else receives a parsed, typed `Config`.
 * Production refuses to start with any missing or inconsistent setting and names every bad key.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = (what: string) => z.string().regex(GUID, `${what} must be a GUID`);
const port = z.coerce.number().int().min(0).max(65535);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
/** Minutes before an unacknowledged incident is escalated: whole minutes, up to a week. */
const ackMinutes = (fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(fallback),
  );

/** Every key Mamori reads, with its documentation; `.env.example` and the README table mirror this. */
export const configKeys = {
  MAMORI_MODE: { required: false, secret: false, meaning: '`local` (default) or `production`' },
  PORT: { required: false, secret: false, meaning: 'HTTP port of the bot (default 3978)' },
  HOST: {
    required: false,
    secret: false,
    meaning: 'Interface to bind in production (default 0.0.0.0); local mode always binds 127.0.0.1',
  },
  LOG_LEVEL: { required: false, secret: false, meaning: 'pino level: debug, info (default), warn, error' },
  MAMORI_BOT_APP_ID: { required: true, secret: false, meaning: 'Entra app (client) id of the Azure Bot' },
  MAMORI_BOT_APP_PASSWORD: { required: true, secret: true, meaning: 'Client secret of the bot app' },
  MAMORI_TENANT_ID: {
    required: true,
    secret: false,
    meaning: 'The company tenant; activities from any other tenant are dropped',
  },
  MAMORI_SERVICE_URL: {
    required: false,
    secret: false,
    meaning: 'Bot Connector URL used to open a chat nobody has started yet (default the public Teams one)',
  },
  MAMORI_DATA_DIR: {
    required: false,
    secret: false,
    meaning: 'Folder for the SQLite database (default ./data)',
  },
  MAMORI_POLICY_PACK: {
    required: false,
    secret: false,
    meaning: "Folder of the company's policy pack (default: bot/policy-pack, the IPA sample)",
  },
  MAMORI_COMPANY_PROFILE: {
    required: true,
    secret: false,
    meaning:
      'Company profile YAML: role holders, department heads, contacts (local default: the demo company, bot/policy-pack/company-profile.example.yaml)',
  },
  MAMORI_GRAPH_BASE_URL: {
    required: false,
    secret: false,
    meaning:
      'Microsoft Graph service root (production default https://graph.microsoft.com/v1.0); local mode uses the built-in Graph simulator',
  },
  MAMORI_GRAPH_CLIENT_ID: {
    required: false,
    secret: false,
    meaning: 'Entra app used for Graph (application permissions); default: the bot app (MAMORI_BOT_APP_ID)',
  },
  MAMORI_GRAPH_CLIENT_SECRET: {
    required: false,
    secret: true,
    meaning: 'Client secret of the Graph app; default: MAMORI_BOT_APP_PASSWORD',
  },
  MAMORI_STORE: {
    required: false,
    secret: false,
    meaning: 'Where records go: `sqlite` (default) or `sharepoint` (lists on MAMORI_SHAREPOINT_SITE_ID)',
  },
  MAMORI_SHAREPOINT_SITE_ID: {
    required: false,
    secret: false,
    meaning:
      'Graph site id (`host,siteCollectionId,webId`) holding the lists; required when MAMORI_STORE=sharepoint',
  },
  MAMORI_INCIDENT_ACK_MINUTES_URGENT: {
    required: false,
    secret: false,
    meaning:
      'Minutes responders have to acknowledge a level 2-3 incident before a reminder, then escalation (default 30)',
  },
  MAMORI_INCIDENT_ACK_MINUTES: {
    required: false,
    secret: false,
    meaning: 'The same for levels 0-1 (default 240)',
  },
  MAMORI_LOCAL_LOCALE: {
    required: false,
    secret: false,
    meaning:
      'Local mode only: the locale to answer in, because the Agents Playground always sends en-US (default ja-JP; `activity` uses the activity locale)',
  },
  MAMORI_PLAYGROUND_PORT: {
    required: false,
    secret: false,
    meaning: 'Port of the Agents Playground in local mode (default 56150)',
  },
} as const;

export type ConfigKey = keyof typeof configKeys;

const baseSchema = z.object({
  MAMORI_MODE: z.preprocess(blankToUndefined, z.enum(['local', 'production']).default('local')),
  PORT: z.preprocess(blankToUndefined, port.default(3978)),
  HOST: optional(z.string()),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ),
  MAMORI_BOT_APP_ID: optional(guid('MAMORI_BOT_APP_ID')),
  MAMORI_BOT_APP_PASSWORD: optional(z.string().min(1)),
  MAMORI_TENANT_ID: optional(guid('MAMORI_TENANT_ID')),
  MAMORI_SERVICE_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https?$/ }).default('https://smba.trafficmanager.net/teams/'),
  ),
  MAMORI_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  MAMORI_COMPANY_PROFILE: optional(z.string()),
  MAMORI_POLICY_PACK: optional(z.string()),
  MAMORI_PLAYGROUND_PORT: z.preprocess(blankToUndefined, port.default(56150)),
  MAMORI_GRAPH_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  MAMORI_GRAPH_CLIENT_ID: optional(guid('MAMORI_GRAPH_CLIENT_ID')),
  MAMORI_GRAPH_CLIENT_SECRET: optional(z.string().min(1)),
  MAMORI_STORE: z.preprocess(blankToUndefined, z.enum(['sqlite', 'sharepoint']).default('sqlite')),
  MAMORI_SHAREPOINT_SITE_ID: optional(
    z.string().regex(/^[^,]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i, 'must be host,GUID,GUID'),
  ),
  MAMORI_INCIDENT_ACK_MINUTES_URGENT: ackMinutes(30),
  MAMORI_INCIDENT_ACK_MINUTES: ackMinutes(240),
  MAMORI_LOCAL_LOCALE: z.preprocess(
    blankToUndefined,
    z.enum(['ja-JP', 'en-US', 'activity']).default('ja-JP'),
  ),
});

type Parsed = z.infer<typeof baseSchema>;

export interface BotCredentials {
  appId: string;
  appPassword: string;
  tenantId: string;
}

export interface Config {
  mode: 'local' | 'production';
  host: string;
  port: number;
  logLevel: Parsed['LOG_LEVEL'];
  /** Absent only in local mode, where Bot Framework auth is off. */
  bot: BotCredentials | null;
  /** The tenant served; in local mode the demo tenant unless configured. */
  tenantId: string | null;
  serviceUrl: string;
  dataDir: string;
  /** Absolute path of the policy pack folder. */
  policyPack: string;
  /** Absolute path of the company profile YAML. */
  companyProfile: string;
  playgroundPort: number;
  /** Production: Microsoft Graph with client credentials. Local: the built-in simulator. */
  graph: GraphConfig;
  /** `siteId` is null only in local mode, where the Graph simulator's site is used. */
  store: { kind: 'sqlite' } | { kind: 'sharepoint'; siteId: string | null };
  /** How long responders have to acknowledge an incident (組織的対策 9.3) before a reminder. */
  incidentAck: { urgentMinutes: number; normalMinutes: number };
  /** Replaces `activity.locale` in local mode (the Playground hard-codes en-US); null uses the activity's. */
  localeOverride: string | null;
}

export type GraphConfig =
  | { kind: 'microsoft'; baseUrl: string; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'simulator' };

export class ConfigError extends Error {
  readonly reason = 'invalidConfig' as const;
  constructor(readonly problems: { key: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (pure: pass any record). Throws `ConfigError` listing every bad key. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = baseSchema.safeParse(env);
  const problems: { key: string; message: string }[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ key: String(issue.path[0] ?? '(root)'), message: issue.message });
    }
  }
  const mode = result.success
    ? result.data.MAMORI_MODE
    : env.MAMORI_MODE === 'production'
      ? 'production'
      : 'local';
  if (mode === 'production') {
    const required = [
      'MAMORI_BOT_APP_ID',
      'MAMORI_BOT_APP_PASSWORD',
      'MAMORI_TENANT_ID',
      'MAMORI_COMPANY_PROFILE',
    ] as const;
    for (const key of required) {
      const value = env[key];
      if (value === undefined || value.trim() === '') {
        problems.push({ key, message: 'is required in production' });
      }
    }
  }
  // Local mode keeps its lists on the Graph simulator's own site.
  if (
    result.success &&
    mode === 'production' &&
    result.data.MAMORI_STORE === 'sharepoint' &&
    !result.data.MAMORI_SHAREPOINT_SITE_ID
  ) {
    problems.push({ key: 'MAMORI_SHAREPOINT_SITE_ID', message: 'is required when MAMORI_STORE=sharepoint' });
  }
  if (problems.length > 0 || !result.success) {
    throw new ConfigError(problems);
  }
  const d = result.data;
  const bot =
    d.MAMORI_BOT_APP_ID && d.MAMORI_BOT_APP_PASSWORD && d.MAMORI_TENANT_ID
      ? { appId: d.MAMORI_BOT_APP_ID, appPassword: d.MAMORI_BOT_APP_PASSWORD, tenantId: d.MAMORI_TENANT_ID }
      : null;
  return {
    mode: d.MAMORI_MODE,
    host: d.MAMORI_MODE === 'local' ? '127.0.0.1' : (d.HOST ?? '0.0.0.0'),
    port: d.PORT,
    logLevel: d.LOG_LEVEL,
    // Local mode never authenticates, even if credentials happen to be present in the environment.
    bot: d.MAMORI_MODE === 'production' ? bot : null,
    tenantId: d.MAMORI_TENANT_ID ?? null,
    serviceUrl: d.MAMORI_SERVICE_URL,
    dataDir: d.MAMORI_DATA_DIR,
    policyPack: path.resolve(d.MAMORI_POLICY_PACK ?? path.join(projectRoot(), 'bot/policy-pack')),
    companyProfile: path.resolve(
      d.MAMORI_COMPANY_PROFILE ?? path.join(projectRoot(), 'bot/policy-pack/company-profile.example.yaml'),
    ),
    playgroundPort: d.MAMORI_PLAYGROUND_PORT,
    graph:
      d.MAMORI_MODE === 'production' && bot
        ? {
            kind: 'microsoft',
            baseUrl: d.MAMORI_GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0',
            tenantId: bot.tenantId,
            clientId: d.MAMORI_GRAPH_CLIENT_ID ?? bot.appId,
            clientSecret: d.MAMORI_GRAPH_CLIENT_SECRET ?? bot.appPassword,
          }
        : { kind: 'simulator' },
    store:
      d.MAMORI_STORE === 'sharepoint'
        ? { kind: 'sharepoint', siteId: d.MAMORI_SHAREPOINT_SITE_ID ?? null }
        : { kind: 'sqlite' },
    incidentAck: {
      urgentMinutes: d.MAMORI_INCIDENT_ACK_MINUTES_URGENT,
      normalMinutes: d.MAMORI_INCIDENT_ACK_MINUTES,
    },
    localeOverride:
      d.MAMORI_MODE === 'local' && d.MAMORI_LOCAL_LOCALE !== 'activity' ? d.MAMORI_LOCAL_LOCALE : null,
  };
}

/** Reads `.env` (if present) under the process environment, which wins, then parses. */
export function loadConfig(options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const env = options.env ?? process.env;
  const file = path.join(options.cwd ?? process.cwd(), '.env');
  const fromFile = fs.existsSync(file) ? dotenv.parse(fs.readFileSync(file)) : {};
  return parseConfig({ ...fromFile, ...env });
}

/** A loggable view of the config: secrets reduced to whether they are set. */
export function redactedSummary(config: Config): Record<string, unknown> {
  return {
    mode: config.mode,
    host: config.host,
    port: config.port,
    logLevel: config.logLevel,
    botAppId: config.bot?.appId ?? null,
    botAppPassword: config.bot ? '(set)' : '(not set)',
    botAuth: config.bot ? 'on' : 'off (local mode)',
    tenantId: config.tenantId,
    serviceUrl: config.serviceUrl,
    dataDir: config.dataDir,
    companyProfile: config.companyProfile,
    policyPack: config.policyPack,
    graph:
      config.graph.kind === 'microsoft'
        ? { baseUrl: config.graph.baseUrl, clientId: config.graph.clientId, clientSecret: '(set)' }
        : 'built-in simulator',
    store: config.store,
  };
}
