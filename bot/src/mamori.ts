import path from 'node:path';
import type { AssistantDeps } from './assistant/respond';
import type { Config } from './config';
import { StaticSecurityStaff } from './directory/security-staff';
import { createApp } from './http/app';
import { listen, type RunningServer } from './http/server';
import type { Logger } from './logger';
import type { ConversationReferenceStore } from './notify/conversation-references';
import type { Notifier } from './notify/notifier';
import { systemClock, type Clock } from './shared/clock';
import { RecentKeys } from './shared/recent-keys';
import { openDatabase } from './store/sqlite/database';
import { loadCompanyProfile, securityStaffObjectIds, type CompanyProfile } from './policy/company-profile';
import { migrations } from './store/sqlite/migrations';
import { SqliteConversationReferenceStore } from './store/sqlite/sqlite-conversation-reference-store';
import { BotFrameworkNotifier, createAdapter, createTurnLogic } from './teams';

export interface MamoriOptions {
  config: Config;
  logger: Logger;
  /** The tenant to serve when the config names none (local mode: the demo tenant). */
  defaultTenantId?: string | null;
  clock?: Clock;
  /** SQLite file; defaults to `<dataDir>/mamori.db`. */
  databaseFile?: string;
}

export interface RunningMamori {
  server: RunningServer;
  notifier: Notifier;
  profile: CompanyProfile;
  references: ConversationReferenceStore;
  /** Graceful: in-flight turns finish, then the store is closed. */
  stop(): Promise<void>;
}

/** Composition root: config -> adapters -> services -> HTTP server. */
export async function startMamori(options: MamoriOptions): Promise<RunningMamori> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const profile = loadCompanyProfile(config.companyProfile);
  const db = openDatabase(options.databaseFile ?? path.join(config.dataDir, 'mamori.db'), migrations);
  const references = new SqliteConversationReferenceStore(db);
  const adapter = createAdapter(config.bot, logger);
  const tenantId = config.tenantId ?? options.defaultTenantId ?? null;
  const notifier = new BotFrameworkNotifier({
    adapter,
    references,
    botAppId: config.bot?.appId ?? '',
    tenantId,
    defaultServiceUrl: config.serviceUrl,
    clock,
    logger,
  });
  const securityStaff = new StaticSecurityStaff(securityStaffObjectIds(profile));
  const assistant: AssistantDeps = { securityStaff, handlers: {} };
  const logic = createTurnLogic({
    assistant,
    references,
    recentActivities: new RecentKeys({ ttlMs: 10 * 60_000, maxEntries: 50_000, clock }),
    tenantId,
    localeOverride: config.localeOverride,
    clock,
    logger,
  });
  const inFlight = { count: 0 };
  const app = createApp({ messages: (req, res) => adapter.process(req, res, logic), logger, inFlight });
  let server: RunningServer;
  try {
    server = await listen(app, config.host, config.port, inFlight);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    server,
    notifier,
    profile,
    references,
    stop: async () => {
      await server.close();
      db.close();
    },
  };
}
