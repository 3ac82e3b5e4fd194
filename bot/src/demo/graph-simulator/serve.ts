/**
 * Starts the Graph simulator on its own, seeded from the demo tenant:
 *   npx tsx bot/src/demo/graph-simulator/serve.ts [--port 5199] [--host 127.0.0.1] [--tenant-file path.yaml]
 * Local mode starts it in-process with createGraphSimulator() instead.
 */
import { parseArgs } from 'node:util';
import { loadDemoTenant } from '../demo-tenant';
import { createGraphSimulator } from './simulator';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5199' },
      host: { type: 'string', default: '127.0.0.1' },
      'tenant-file': { type: 'string' },
      'page-size': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, not ${values.port}`);
  const pageSize = values['page-size'] === undefined ? undefined : Number(values['page-size']);
  const tenant = loadDemoTenant(values['tenant-file']);
  const simulator = createGraphSimulator({ tenant, ...(pageSize === undefined ? {} : { pageSize }) });
  const { url, origin } = await simulator.start(port, values.host);
  const auth = simulator.msalAuthOptions();
  process.stdout.write(
    [
      `Graph simulator for ${tenant.tenant.displayName}: ${url}`,
      `  token endpoint: ${origin}/${simulator.tenantId}/oauth2/v2.0/token`,
      `  msal authority: ${auth.authority} (knownAuthorities ${JSON.stringify(auth.knownAuthorities)}, authorityMetadata from ${origin}/${simulator.tenantId}/v2.0/.well-known/openid-configuration)`,
      `  SharePoint site id: ${simulator.siteId}`,
      '',
    ].join('\n'),
  );
  const shutdown = () => {
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
