// `npm start`: the local demo. Starts the bot in local mode and the Microsoft 365 Agents Playground
// pointed at it; Ctrl-C stops both. `npm start -- --user kenichi.sato` chats as another demo person.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../bot/src/config';
import { loadDemoTenant } from '../bot/src/demo/demo-tenant';
import { startPlayground } from '../bot/src/demo/playground';
import { findPerson, playgroundConfigYaml } from '../bot/src/demo/playground-config';
import { playgroundUsers } from '../bot/src/demo/playground-users';
import { createLogger } from '../bot/src/logger';
import { startMamori } from '../bot/src/mamori';
import { projectRoot } from '../bot/src/shared/project-root';

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function userArgument(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--user' || a.startsWith('--user='));
  if (i < 0) return undefined;
  const arg = argv[i] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Mamori cannot start.\n${error.message}`);
    throw error;
  }
  if (config.mode !== 'local') {
    fail(
      'npm start runs the local demo, but MAMORI_MODE is production. Use `npm run start:bot` for a deployment.',
    );
  }
  const tenant = loadDemoTenant();
  const people = playgroundUsers(tenant);
  const chosen = userArgument(process.argv.slice(2));
  let configPath = path.join(projectRoot(), '.m365agentsplayground.yml');
  if (chosen !== undefined) {
    try {
      findPerson(people, chosen);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    configPath = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-playground-config-')),
      'playground.yml',
    );
    fs.writeFileSync(configPath, playgroundConfigYaml(tenant, chosen));
  }

  const logger = createLogger(config.logLevel);
  const mamori = await startMamori({ config, logger }).catch((error: unknown) =>
    fail(`The bot could not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  const playground = await startPlayground({
    botEndpoint: `${mamori.server.url}/api/messages`,
    port: config.playgroundPort,
    configPath,
    env: { TZ: 'Asia/Tokyo' },
  }).catch(async (error: unknown) => {
    await mamori.stop();
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      message.includes('already in use')
        ? `${message}\nOr set MAMORI_PLAYGROUND_PORT to a free port.`
        : `The Agents Playground could not start.\n${message}`,
    );
  });

  const me = chosen !== undefined ? findPerson(people, chosen) : people.find((p) => p.role === 'employee');
  process.stdout.write(
    [
      '',
      '  Mamori（守り）local demo is running.',
      '',
      `  Open ${playground.url} in your browser.`,
      `  You are chatting as ${me?.name ?? '?'} (${me?.department ?? ''}). Type ヘルプ to start.`,
      `  Bot: ${mamori.server.url}/api/messages   Health: ${mamori.server.url}/healthz`,
      '  Another person: npm start -- --user kenichi.sato   Stop: Ctrl-C',
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the Playground and the bot…\n');
    Promise.all([playground.stop(), mamori.stop()]).then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
}

main().catch((error: unknown) =>
  fail(`Local demo failed: ${error instanceof Error ? error.stack : String(error)}`),
);
