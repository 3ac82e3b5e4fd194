// Writes .m365agentsplayground.yml (the Agents Playground's default config path) from the demo tenant.
import fs from 'node:fs';
import path from 'node:path';
import { loadDemoTenant } from '../bot/src/demo/demo-tenant';
import { playgroundConfigYaml } from '../bot/src/demo/playground-config';
import { projectRoot } from '../bot/src/shared/project-root';

const file = path.join(projectRoot(), '.m365agentsplayground.yml');
fs.writeFileSync(file, playgroundConfigYaml(loadDemoTenant()));
process.stdout.write(`wrote ${file}\n`);
