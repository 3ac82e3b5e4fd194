import path from 'node:path';
import type { Config } from '../config';
import type { ConnectedGraph } from '../graph/graph-from-config';
import type { Clock } from '../shared/clock';
import { allRecordKinds } from './all-kinds';
import type { RecordStore } from './record-store';
import { applyProvisioning, planProvisioning } from './sharepoint/provision';
import { SharePointRecordStore } from './sharepoint/sharepoint-record-store';
import { SqliteRecordStore } from './sqlite/sqlite-record-store';

/**
 * The configured record store: SharePoint lists over Graph, or SQLite (local mode's default). Against the
 * local Graph simulator, whose site starts empty, the lists are provisioned first; a real site is
 * provisioned beforehand with `npm run provision:lists`.
 */
export async function openRecordStore(options: {
  config: Config;
  graph: ConnectedGraph;
  clock: Clock;
  databaseFile?: string;
}): Promise<{ store: RecordStore; close(): void }> {
  const { config, clock, graph } = options;
  if (config.store.kind === 'sharepoint') {
    const siteId = graph.simulatorSiteId ?? config.store.siteId;
    if (siteId === null) throw new Error('MAMORI_SHAREPOINT_SITE_ID is needed to keep records in SharePoint');
    if (graph.simulatorSiteId !== null) {
      await applyProvisioning(graph.client, await planProvisioning(graph.client, siteId, allRecordKinds));
    }
    const store = new SharePointRecordStore({
      client: graph.storeClient,
      siteId,
      kinds: allRecordKinds,
      clock,
    });
    return { store, close: () => undefined };
  }
  const store = SqliteRecordStore.open(options.databaseFile ?? path.join(config.dataDir, 'mamori.db'), {
    clock,
  });
  return { store, close: () => store.close() };
}
