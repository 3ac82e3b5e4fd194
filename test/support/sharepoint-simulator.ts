import { loadDemoTenant } from '../../bot/src/demo/demo-tenant';
import {
  createGraphSimulator,
  type GraphSimulator,
  type RequestLogEntry,
} from '../../bot/src/demo/graph-simulator';
import { createGraphClient, type GraphClient } from '../../bot/src/graph/create-graph-client';
import type { GraphOptions } from '../../bot/src/graph/graph-options';
import type { RecordKind } from '../../bot/src/store/record-kind';
import { applyProvisioning, planProvisioning } from '../../bot/src/store/sharepoint/provision';
import { SharePointRecordStore } from '../../bot/src/store/sharepoint/sharepoint-record-store';

export interface SharePointOnSimulator {
  sim: GraphSimulator;
  /** Service root, `http://127.0.0.1:PORT/v1.0`. */
  url: string;
  /** A Graph client on the simulator whose retries do not wait (429/503 cost no time). */
  client(options?: Partial<GraphOptions>): GraphClient;
  /** Creates the kinds' lists, columns and indexes. */
  provision(kinds: readonly RecordKind[]): Promise<void>;
  store(kinds: readonly RecordKind[], client?: GraphClient): SharePointRecordStore;
  /** Graph requests as sent over HTTP or inside a $batch, since the last `clearLog()`. */
  requests(filter?: (entry: RequestLogEntry) => boolean): RequestLogEntry[];
  clearLog(): void;
  /** No lists, faults, latency or log: as started. */
  reset(): void;
}

/**
 * A fetch to the simulator that can lose the answer of item creates SharePoint carried out (a 504
 * after the commit, `lostCreates`), and answer GETs 503 without sending them (`failedReads`), set
 * to 1 by a lost create when `failReadAfterLoss` (the look-up by key that follows fails too).
 */
export function lossyFetch() {
  const state = { lostCreates: 0, failedReads: 0, failReadAfterLoss: false };
  const fetchFn: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (state.failedReads > 0 && (init?.method ?? 'GET') === 'GET') {
      state.failedReads--;
      return new Response(null, { status: 503 });
    }
    const response = await fetch(input, init);
    if (state.lostCreates > 0 && init?.method === 'POST' && url.endsWith('/items')) {
      state.lostCreates--;
      if (state.failReadAfterLoss) state.failedReads = 1;
      await response.arrayBuffer();
      return new Response(null, { status: 504 });
    }
    return response;
  };
  return { fetch: fetchFn, state };
}

/** Starts the Graph simulator for the file's tests (stopped after them); the caller resets it between tests. */
export function useSharePointSimulator(): SharePointOnSimulator {
  const fixture = {} as SharePointOnSimulator;
  let logStart = 0;
  beforeAll(async () => {
    fixture.sim = createGraphSimulator({ tenant: loadDemoTenant() });
    fixture.url = (await fixture.sim.start()).url;
  });
  afterAll(() => fixture.sim.stop());
  fixture.client = (options = {}) =>
    createGraphClient({
      baseUrl: fixture.url,
      auth: { kind: 'static', token: 'test-token' },
      sleep: () => Promise.resolve(),
      ...options,
    });
  fixture.provision = async (kinds) => {
    const client = fixture.client();
    await applyProvisioning(client, await planProvisioning(client, fixture.sim.siteId, kinds));
  };
  fixture.store = (kinds, client = fixture.client()) =>
    new SharePointRecordStore({ client, siteId: fixture.sim.siteId, kinds });
  fixture.requests = (filter = () => true) =>
    fixture.sim.requestLog.slice(logStart).filter((e) => e.path.startsWith('/v1.0/') && filter(e));
  fixture.clearLog = () => {
    logStart = fixture.sim.requestLog.length;
  };
  fixture.reset = () => {
    fixture.sim.reset();
    logStart = 0;
  };
  return fixture;
}
