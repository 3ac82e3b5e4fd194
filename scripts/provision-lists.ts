/**
 * Creates the SharePoint lists, columns and indexes every record kind needs, and nothing more:
 *   npm run provision:lists -- [--site <site-id>] [--dry-run]
 * Prints the plan (one line per action), applies it unless --dry-run, then plans again to show that
 * a second run changes nothing. Graph comes from the config: Microsoft Graph in production; in local
 * mode a Graph simulator started in this process (its lists vanish when the command ends).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/src/config';
import { connectGraph } from '../bot/src/graph/graph-from-config';
import { allRecordKinds } from '../bot/src/store/all-kinds';
import {
  applyProvisioning,
  describeAction,
  planProvisioning,
  type ProvisioningPlan,
} from '../bot/src/store/sharepoint/provision';

const print = (line = '') => process.stdout.write(`${line}\n`);

async function connect(site: string | undefined) {
  const config = loadConfig();
  const graph = await connectGraph(config.graph);
  if (graph.simulatorSiteId !== null) {
    print(
      `Graph: the local Graph simulator (demo tenant) at ${graph.baseUrl}, started for this command only`,
    );
  } else if (config.graph.kind === 'microsoft') {
    print(`Graph: ${graph.baseUrl} (tenant ${config.graph.tenantId}, app ${config.graph.clientId})`);
  }
  const siteId =
    site ?? (config.store.kind === 'sharepoint' ? config.store.siteId : undefined) ?? graph.simulatorSiteId;
  if (siteId === null || siteId === undefined) {
    await graph.close();
    throw new Error('give --site <site-id> or set MAMORI_SHAREPOINT_SITE_ID');
  }
  return { client: graph.client, siteId, close: () => graph.close() };
}

function printPlan(plan: ProvisioningPlan): void {
  for (const warning of plan.warnings) print(`  ! ${warning}`);
  if (plan.actions.length === 0) print('  nothing to change');
  for (const action of plan.actions) print(`  ${describeAction(action)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { site: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const target = await connect(values.site);
  try {
    print(`Site: ${target.siteId}`);
    print(`Kinds: ${allRecordKinds.map((k) => k.name).join(', ')}`);
    const plan = await planProvisioning(target.client, target.siteId, allRecordKinds);
    print(values['dry-run'] ? 'Plan (dry run, nothing is changed):' : 'Plan:');
    printPlan(plan);
    if (values['dry-run'] || plan.actions.length === 0) return;
    const done = await applyProvisioning(target.client, plan);
    print(`Applied ${done.length} action${done.length === 1 ? '' : 's'}.`);
    print('Planning again (what a second run would do):');
    printPlan(await planProvisioning(target.client, target.siteId, allRecordKinds));
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`provision:lists failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
