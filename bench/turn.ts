// bench:turn — message turns through the full HTTP stack: Mamori in local mode against a local
// connector, and a minimal botbuilder echo bot in the same run. Prints latency, throughput,
// the Mamori/echo ratios, and Mamori's RSS across a long run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RecordingConnector } from '../test/support/recording-connector';
import { messageActivity, testTenantId } from '../test/support/teams-activities';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const turns = Number(args.get('turns') ?? 2000);
const soakTurns = Number(args.get('soak') ?? 10_000);
const text = args.get('text') ?? 'ヘルプ';

// The same heap cap as `npm start` and the production start command (see README, Memory).
const nodeFlags = ['--max-old-space-size=128'];

function start(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)|"url":"http:\/\/127\.0\.0\.1:(\d+)\/api\/messages"/.exec(out);
      if (match) resolve({ child, port: Number(match[1] ?? match[2]) });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(port: number, serviceUrl: string, count: number, onEach?: (i: number) => void) {
  const latencies: number[] = [];
  const url = `http://127.0.0.1:${port}/api/messages`;
  const begin = performance.now();
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify(
      messageActivity({
        serviceUrl,
        text,
        aadObjectId: `aaaaaaaa-0000-4000-8000-${String(i % 50).padStart(12, '0')}`,
      }),
    );
    const t0 = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`turn ${i}: HTTP ${response.status}`);
    latencies.push(performance.now() - t0);
    onEach?.(i + 1);
  }
  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: count / seconds };
}

async function main() {
  const connector = await new RecordingConnector().start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-'));
  const root = path.resolve(__dirname, '..');
  const mamori = await start(path.join(root, 'bot/src/main.js'), {
    MAMORI_MODE: 'local',
    PORT: '0',
    MAMORI_TENANT_ID: testTenantId,
    MAMORI_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  });
  const echo = await start(path.join(root, 'bench/echo-bot.js'), { PORT: '0' });
  try {
    // Warm both up so JIT and first-connection costs do not count.
    await run(mamori.port, connector.url, 200);
    await run(echo.port, connector.url, 200);
    connector.clear();
    const m = await run(mamori.port, connector.url, turns);
    connector.clear();
    const e = await run(echo.port, connector.url, turns);
    connector.clear();
    const fmt = (n: number) => n.toFixed(2);
    console.log(`turns: ${turns} sequential, message "${text}", node ${nodeFlags.join(' ')}`);
    console.log(`           p50 ms   p99 ms   turns/s`);
    console.log(
      `mamori     ${fmt(m.p50).padStart(6)}   ${fmt(m.p99).padStart(6)}   ${m.perSecond.toFixed(0).padStart(7)}`,
    );
    console.log(
      `echo       ${fmt(e.p50).padStart(6)}   ${fmt(e.p99).padStart(6)}   ${e.perSecond.toFixed(0).padStart(7)}`,
    );
    console.log(
      `ratio      ${fmt(m.p50 / e.p50).padStart(6)}   ${fmt(m.p99 / e.p99).padStart(6)}   ${fmt(m.perSecond / e.perSecond).padStart(7)}   (target: p50 ratio <= 1.5)`,
    );

    const samples: string[] = [];
    const pid = mamori.child.pid!;
    await run(mamori.port, connector.url, soakTurns, (i) => {
      if (i % 1000 === 0) {
        samples.push(`${i}: ${rssMb(pid).toFixed(1)} MB`);
        connector.clear();
      }
    });
    console.log(
      `mamori RSS over ${soakTurns} more turns: ${samples.join(', ')} (target: <= 200 MB and flat)`,
    );
    console.log(`mamori RSS after ${soakTurns} turns: ${rssMb(pid).toFixed(1)} MB`);
  } finally {
    mamori.child.kill('SIGTERM');
    echo.child.kill('SIGTERM');
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
