import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readTenantId, waitForReady } from './playground-readiness';

/**
 * Starts and stops the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) for the local
 * demo and for end-to-end tests. Behaviour this relies on is written down in docs/playground-notes.md. Local mode only.
 */

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the Playground UI and its mock connector (serviceUrl becomes http://localhost:<port>/_connector). */
  port: number;
  /** Path to a .m365agentsplayground.yml file. Must exist: the CLI silently falls back to built-in data otherwise. */
  configPath: string;
  /** Working directory of the CLI. Defaults to a fresh temporary directory so nothing is written into the repo. */
  cwd?: string;
  /** How long to wait for readiness before giving up. */
  timeoutMs?: number;
  /**
   * Extra environment for the CLI, e.g. { TZ: 'Asia/Tokyo' }: the Playground takes activity.localTimezone and
   * localTimestamp from its own process time zone. It cannot change activity.locale (hard-coded en-US).
   */
  env?: Record<string, string>;
}

export interface RunningPlayground {
  /** Base URL of the Playground web UI. */
  url: string;
  port: number;
  /**
   * The CLI's own log file: startup lines and config errors. Bot traffic appears in it only while no browser or
   * other client is connected to the log WebSocket, so do not assert on it; use the UI or /_ws/log/stream.
   */
  logFile: string;
  /** Everything the CLI wrote to stdout/stderr so far (it is nearly silent when stdout is not a TTY). */
  output(): string;
  stop(): Promise<void>;
}

/** Selectors that were verified against Playground 0.2.28 in headless Chromium. See docs/playground-notes.md. */
export const PLAYGROUND_SELECTORS = {
  /** The compose box is a Lexical editor; the log panel is contenteditable too, so match on the Lexical marker. */
  compose: '[contenteditable="true"][data-lexical-editor="true"][role="textbox"]',
  send: 'button[aria-label="Send Message"]',
  /** One chat message (user or bot). Bot messages additionally contain MESSAGE_AUTHOR. */
  message: 'div:has(> [aria-label="Message header"])',
  messageAuthor: '[aria-label="Message author"]',
  adaptiveCard: '.ac-adaptiveCard',
  logPanel: '[contenteditable="true"]:not([data-lexical-editor])',
} as const;

const CLI_PACKAGE = '@microsoft/m365agentsplayground';
const DEFAULT_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Rejects when something already listens on `port`. Without `host` the check binds the unspecified address,
 * exactly like the Playground's own probe. That matters because the CLI does not fail on a busy port: it quietly
 * moves to a random one, and tests would then talk to whatever else holds the port.
 */
export function assertPortFree(port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host ?? '*'}:${port}`;
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${where} is already in use. Stop the process holding it (try: ss -ltnp 'sport = :${port}') and retry.`
            : `Cannot check port ${where}: ${error.message}`,
        ),
      );
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve());
    });
  });
}

export async function startPlayground(opts: PlaygroundOptions): Promise<RunningPlayground> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const configPath = path.resolve(opts.configPath);
  const expectedTenantId = readTenantId(configPath);
  await assertPortFree(opts.port);

  // Scratch directory for the CLI's log file (and its cwd unless given): the CLI otherwise writes
  // ./devTools/m365agentsplayground.log into whatever directory it was started from.
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-playground-'));
  const logFile = path.join(scratchDir, 'm365agentsplayground.log');
  const cwd = opts.cwd ?? scratchDir;

  const args = [
    resolveCli(),
    'start',
    '--app-endpoint',
    opts.botEndpoint,
    '--port',
    String(opts.port),
    '--channel-id',
    'msteams',
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd,
    env: playgroundEnv(configPath, logFile, opts.env),
    // Own process group, so stop() can signal the whole tree even if a future CLI version forks helpers.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A failed spawn emits 'error' and no 'exit'; treat it as an exit so nothing waits forever.
    child.once('error', (error) => {
      output += `\nspawn error: ${error.message}`;
      resolve({ code: null, signal: null });
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  // Last line of defence: if the test process dies without calling stop(), do not leave a Playground behind.
  const killOnExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (!hasExited) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };

  const describeFailure = (reason: string): Error => {
    const log = readTail(logFile);
    return new Error(
      [
        `Agents Playground did not become ready: ${reason}`,
        `command: ${process.execPath} ${args.join(' ')} (cwd ${cwd})`,
        `config: ${configPath}`,
        `--- CLI stdout/stderr ---`,
        output.trim() || '(empty)',
        `--- CLI log file ${logFile} ---`,
        log.trim() || '(empty)',
      ].join('\n'),
    );
  };

  try {
    const port = await waitForReady({
      requestedPort: opts.port,
      expectedTenantId,
      timeoutMs,
      output: () => output,
      hasExited: () => hasExited,
      exited,
    });
    return {
      url: `http://localhost:${port}`,
      port,
      logFile,
      output: () => output,
      stop,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failure = describeFailure(reason);
    await stop();
    throw failure;
  }
}

function resolveCli(): string {
  // The package has no "exports" map and its "main" file does not exist, so resolve package.json instead.
  return path.join(path.dirname(require.resolve(`${CLI_PACKAGE}/package.json`)), 'cli.js');
}

function playgroundEnv(
  configPath: string,
  logFile: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Variables the CLI reads that would override our flags or make it reach for the network
  // (AUTH_* makes it fetch Entra tokens from login.microsoftonline.com).
  for (const name of [
    'BOT_ENDPOINT',
    'TEAMSAPPTESTER_PORT',
    'DEFAULT_CHANNEL_ID',
    'AUTH_CLIENT_ID',
    'AUTH_CLIENT_SECRET',
    'AUTH_TENANT_ID',
    'M365_AGENTS_PLAYGROUND_SERVICE_URL',
    'M365_AGENTS_PLAYGROUND_DELIVERY_MODE',
    'M365_AGENTS_PLAYGROUND_CONVERSATION_ID',
    'M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING',
    'TEAMS_APP_TEST_TOOL_CONFIG_PATH',
  ]) {
    delete env[name];
  }
  return {
    ...env,
    // Without this the CLI tries to open a desktop browser and dies on a headless machine.
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // --disable-telemetry is not honoured on the config-error path (the reporter is created with defaults there),
    // so also switch off the bundled Application Insights SDK itself.
    APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({
      disableAppInsights: true,
      disableStatsbeat: true,
    }),
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    ...extra,
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the whole process group created by `detached: true`.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function readTail(file: string, maxChars = 8_000): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-maxChars);
  } catch {
    return '';
  }
}
