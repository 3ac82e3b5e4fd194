import type { GraphConfig } from '../config';
import { loadDemoTenant } from '../demo/demo-tenant';
import { createGraphSimulator, type FaultControls } from '../demo/graph-simulator';
import { createGraphClient, type GraphClient } from './create-graph-client';
import type { GraphOptions } from './graph-options';

export interface ConnectedGraph {
  client: GraphClient;
  /**
   * A client that gives up sooner, for writes a user is waiting on: after a short try the outbox keeps
   * the write and the user is told it was received, instead of waiting out Graph's full retry budget.
   */
  storeClient: GraphClient;
  /** Where Graph calls go, for the start-up log. */
  baseUrl: string;
  /** Local mode: the simulator's SharePoint site (its lists live as long as the process). */
  simulatorSiteId: string | null;
  /** Local mode: the demo tenant the simulator serves, which local mode then serves too. */
  simulatorTenantId: string | null;
  /** Local mode: the simulator's fault injection, for tests and demos of an outage. */
  simulatorFaults: FaultControls | null;
  close(): Promise<void>;
}

const storeRetry = { maxAttempts: 2, maxTotalWaitMs: 2_000 };

/**
 * Microsoft Graph with client credentials in production; in local mode a Graph simulator started
 * in-process with the demo company, so everything that reads Graph works without a tenant.
 */
export async function connectGraph(graph: GraphConfig): Promise<ConnectedGraph> {
  if (graph.kind === 'microsoft') {
    const options: GraphOptions = {
      baseUrl: graph.baseUrl,
      auth: {
        kind: 'clientCredentials',
        tenantId: graph.tenantId,
        clientId: graph.clientId,
        clientSecret: graph.clientSecret,
      },
    };
    return {
      client: createGraphClient(options),
      storeClient: createGraphClient({ ...options, retry: storeRetry }),
      baseUrl: graph.baseUrl,
      simulatorSiteId: null,
      simulatorTenantId: null,
      simulatorFaults: null,
      close: () => Promise.resolve(),
    };
  }
  const simulator = createGraphSimulator({ tenant: loadDemoTenant() });
  const { url } = await simulator.start(0, '127.0.0.1');
  // The simulator accepts any bearer token; it only checks that one is sent, as Graph does.
  const options: GraphOptions = { baseUrl: url, auth: { kind: 'static', token: 'local-demo' } };
  return {
    client: createGraphClient(options),
    storeClient: createGraphClient({ ...options, retry: storeRetry }),
    baseUrl: url,
    simulatorSiteId: simulator.siteId,
    simulatorTenantId: simulator.tenantId,
    simulatorFaults: simulator.faults,
    close: () => simulator.stop(),
  };
}
