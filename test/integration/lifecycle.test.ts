import { spawn } from 'node:child_process';
import http from 'node:http';
import { RecordingConnector } from '../support/recording-connector';
import { messageActivity } from '../support/teams-activities';
import { startTestBot } from '../support/test-bot';
import { freePort } from '../support/free-port';

jest.setTimeout(60_000);

/** Runs a TypeScript entry point the way a user would, and collects what it printed. */
function run(script: string, env: Record<string, string>, untilOutput?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const seen = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilOutput?.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, seen, exited, output: () => output };
}

describe('process lifecycle', () => {
  it('refuses a production start with missing settings, naming every one, and exits non-zero', async () => {
    const proc = run('bot/src/main.ts', { MAMORI_MODE: 'production', MAMORI_BOT_APP_ID: 'not-a-guid' });
    expect(await proc.exited).toBe(1);
    for (const key of [
      'MAMORI_BOT_APP_ID',
      'MAMORI_BOT_APP_PASSWORD',
      'MAMORI_TENANT_ID',
      'MAMORI_COMPANY_PROFILE',
    ]) {
      expect(proc.output()).toContain(key);
    }
  });

  it('stops on SIGTERM with exit code 0 after logging the shutdown', async () => {
    const port = await freePort();
    const proc = run(
      'bot/src/main.ts',
      { PORT: String(port), MAMORI_DATA_DIR: '/tmp/mamori-lifecycle-test' },
      /Mamori is listening/,
    );
    await proc.seen;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(proc.output()).toContain('"botAuth":"off (local mode)"'); // the redacted config summary
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('shutting down');
  });

  it('names a busy bot port instead of crashing', async () => {
    const blocker = http.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const proc = run('bot/src/main.ts', {
        PORT: String(port),
        MAMORI_DATA_DIR: '/tmp/mamori-lifecycle-test',
      });
      expect(await proc.exited).toBe(1);
      expect(proc.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('lets an in-flight turn finish before the server closes', async () => {
    const connector = await new RecordingConnector().start();
    const bot = await startTestBot();
    connector.latencyMs = 500; // the reply to Teams is slow, so the turn is still running at stop()
    const turn = bot.post(messageActivity({ serviceUrl: connector.url, text: 'help' }));
    await new Promise((r) => setTimeout(r, 100));
    const stopped = bot.stop();
    expect((await turn).status).toBe(200);
    await stopped;
    expect(connector.messages()).toHaveLength(1);
    await expect(fetch(`${bot.server.url}/healthz`)).rejects.toThrow();
    await connector.stop();
  });
});
