import path from 'node:path';
import type { AssistantDeps } from './assistant/respond';
import type { Config } from './config';
import type { Directory } from './directory/directory';
import { GraphDirectory } from './directory/graph-directory';
import { StaticSecurityStaff } from './directory/security-staff';
import { connectGraph, type ConnectedGraph } from './graph/graph-from-config';
import { createApp } from './http/app';
import { listen, type RunningServer } from './http/server';
import type { Logger } from './logger';
import type { ConversationReferenceStore } from './notify/conversation-references';
import type { Notifier } from './notify/notifier';
import { systemClock, type Clock } from './shared/clock';
import { RecentKeys } from './shared/recent-keys';
import { RecordStoreConversationReferences } from './notify/record-store-conversation-references';
import { loadCompanyProfile, securityStaffObjectIds, type CompanyProfile } from './policy/company-profile';
import { IncidentReminders } from './incidents/incident-reminders';
import type { ReminderPolicy } from './incidents/reminder-policy';
import { IncidentReports } from './incidents/incident-service';
import { PolicyQa } from './policy/qa-service';
import { mutableRecordKinds } from './store/all-kinds';
import { loadPolicySearch } from './policy/search';
import { DurableWriter } from './store/outbox/durable-writer';
import { SqliteOutbox } from './store/outbox/sqlite-outbox';
import type { RecordStore } from './store/record-store';
import { openRecordStore } from './store/open-record-store';
import { BotFrameworkNotifier, createAdapter, createTurnLogic } from './teams';

export interface MamoriOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** SQLite file; defaults to `<dataDir>/mamori.db`. */
  databaseFile?: string;
  /** Incident reminder timing (defaults: 30 min for levels 2-3, 4 h otherwise). */
  reminderPolicy?: Partial<ReminderPolicy>;
  /** Default true; tests drive `reminders.tick()` with their own clock instead. */
  startReminders?: boolean;
}

export interface RunningMamori {
  server: RunningServer;
  notifier: Notifier;
  profile: CompanyProfile;
  references: ConversationReferenceStore;
  records: RecordStore;
  writer: DurableWriter;
  graph: ConnectedGraph;
  directory: Directory;
  incidents: IncidentReports;
  reminders: IncidentReminders;
  /** Graceful: in-flight turns finish, then the store is closed. */
  stop(): Promise<void>;
}

/** Composition root: config -> adapters -> services -> HTTP server. */
export async function startMamori(options: MamoriOptions): Promise<RunningMamori> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const profile = loadCompanyProfile(config.companyProfile);
  const { pack, search } = loadPolicySearch(config.policyPack);
  logger.info({ sections: pack.sections.length, revised: pack.meta.revised }, 'policy pack loaded');
  const graph = await connectGraph(config.graph);
  const directory = new GraphDirectory(graph.client);
  logger.info({ graph: graph.baseUrl }, 'Microsoft Graph');
  const opened = await openRecordStore({ config, graph, clock, databaseFile: options.databaseFile });
  const records = opened.store;
  const outbox = SqliteOutbox.open(path.join(config.dataDir, 'outbox.db'));
  // What users submit goes through the writer: kept in the outbox while the store is unreachable.
  const writer = new DurableWriter({
    store: records,
    outbox,
    kinds: mutableRecordKinds,
    logger,
    clock,
  });
  const closeStores = async () => {
    outbox.close();
    opened.close();
    await graph.close();
  };
  const references = new RecordStoreConversationReferences({ store: records });
  const adapter = createAdapter(config.bot, logger);
  // Without a configured tenant, local mode serves the demo tenant of its Graph simulator.
  const tenantId = config.tenantId ?? graph.simulatorTenantId;
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
  const qa = new PolicyQa({ search, profile, records, writer, notifier, logger });
  const teamsUserId = (aadObjectId: string) => references.teamsUserId(aadObjectId);
  const reminderPolicy = {
    urgentMs: config.incidentAck.urgentMinutes * 60_000,
    normalMs: config.incidentAck.normalMinutes * 60_000,
    ...options.reminderPolicy,
  };
  const incidentDeps = { ctx: { pack, profile, teamsUserId }, records, writer, notifier, clock, logger };
  const incidents = new IncidentReports({
    ...incidentDeps,
    isSecurityStaff: (id) => securityStaff.isSecurityStaff(id),
    reminders: reminderPolicy,
  });
  const incidentReminders = new IncidentReminders({ ...incidentDeps, policy: reminderPolicy });
  const assistant: AssistantDeps = {
    securityStaff,
    handlers: {
      policy: (request) => qa.ask(request),
      incident: (request) => incidents.report(request),
    },
    actionHandlers: [(action) => qa.onAction(action), (action) => incidents.onAction(action)],
  };
  const logic = createTurnLogic({
    assistant,
    references,
    // Teams redelivers an unanswered activity within seconds; two minutes covers every retry, and the cap
    // bounds memory under load.
    recentActivities: new RecentKeys({ ttlMs: 2 * 60_000, maxEntries: 20_000, clock }),
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
    await closeStores();
    throw error;
  }
  writer.start({ intervalMs: 30_000 });
  if (options.startReminders !== false) incidentReminders.start(60_000);
  return {
    server,
    notifier,
    profile,
    references,
    records,
    writer,
    graph,
    directory,
    incidents,
    reminders: incidentReminders,
    stop: async () => {
      await incidentReminders.stop();
      await server.close();
      await writer.stop();
      await closeStores();
    },
  };
}
