import type { GraphConfig } from '../config';
import { loadDemoTenant } from '../demo/demo-tenant';
import { createGraphSimulator } from '../demo/graph-simulator';
import { createGraphClient, type GraphClient } from './create-graph-client';

export interface ConnectedGraph {
  client: GraphClient;
  /** Where Graph calls go, for the start-up log. */
  baseUrl: string;
  /** Local mode: the simulator's SharePoint site (its lists live as long as the process). */
  simulatorSiteId: string | null;
  close(): Promise<void>;
}

/**
 * Microsoft Graph with client credentials in production; in local mode a Graph simulator started
 * in-process with the demo company, so everything that reads Graph works without a tenant.
 */
export async function connectGraph(graph: GraphConfig): Promise<ConnectedGraph> {
  if (graph.kind === 'microsoft') {
    const client = createGraphClient({
      baseUrl: graph.baseUrl,
      auth: {
        kind: 'clientCredentials',
        tenantId: graph.tenantId,
        clientId: graph.clientId,
        clientSecret: graph.clientSecret,
      },
    });
    return { client, baseUrl: graph.baseUrl, simulatorSiteId: null, close: () => Promise.resolve() };
  }
  const simulator = createGraphSimulator({ tenant: loadDemoTenant() });
  const { url } = await simulator.start(0, '127.0.0.1');
  // The simulator accepts any bearer token; it only checks that one is sent, as Graph does.
  const client = createGraphClient({ baseUrl: url, auth: { kind: 'static', token: 'local-demo' } });
  return { client, baseUrl: url, simulatorSiteId: simulator.siteId, close: () => simulator.stop() };
}
