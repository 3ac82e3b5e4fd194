import { ConfigError, loadConfig, redactedSummary } from './config';
import { PortInUseError } from './http/server';
import { createLogger } from './logger';
import { startMamori } from './mamori';
import { CompanyProfileError } from './policy/company-profile';
import { assertAuthenticationOn } from './teams';

/** Process entry: exits non-zero, naming the problem, on bad config or a busy port. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Mamori cannot start.\n${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.info({ config: redactedSummary(config) }, 'starting Mamori');
  if (config.mode === 'production' && config.bot) await assertAuthenticationOn(config.bot);

  const mamori = await startMamori({ config, logger }).catch((error: unknown) => {
    if (error instanceof PortInUseError || error instanceof CompanyProfileError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    throw error;
  });
  logger.info({ url: `${mamori.server.url}/api/messages` }, 'Mamori is listening');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    mamori.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Mamori failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
