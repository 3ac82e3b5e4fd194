/**
 * Local Microsoft Graph simulator, seeded from the demo tenant; used by tests and by local mode.
 *
 *   const sim = createGraphSimulator({ tenant: loadDemoTenant() });
 *   const { url, origin } = await sim.start();          // url = http://127.0.0.1:PORT/v1.0
 *   new ConfidentialClientApplication({ auth: { clientId, clientSecret, ...sim.msalAuthOptions() } });
 *   sim.faults.failNext(1, { status: 429, retryAfterSeconds: 2, pathPrefix: '/users' });
 *
 * Shapes follow the Microsoft Graph v1.0 reference (one file per resource area names its pages):
 * users.ts, auth-methods.ts, devices.ts, sharepoint-*.ts, batch.ts, identity.ts; paging, errors and
 * throttling follow concepts/paging.md, errors.md and throttling.md (odata.ts, types.ts, faults.ts).
 */
export { createGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from './simulator';
export type { FaultControls, FaultSpec, RequestLogEntry } from './faults';
export { msalAuthOptions, openIdConfiguration } from './identity';
export { MAX_BATCH_REQUESTS } from './batch';
