import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * When the Agents Playground is ready to be used, and for which tenant. Split from playground.ts:
 * readiness takes three checks because each earlier signal can be a false positive.
 */

export interface ReadyCheck {
  requestedPort: number;
  expectedTenantId: string;
  timeoutMs: number;
  output(): string;
  hasExited(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Readiness takes three steps, because each earlier signal can be a false positive:
 * 1. "Listening on <port>" on stdout. The CLI prints it before it loads the config file, so a broken config
 *    still prints it and then exits with code 1. It also reveals a silent move to another port.
 * 2. GET /_debug/ping answers "pong". Routes are mounted only after the config loaded successfully.
 * 3. GET /_internal/v1/testConfig reports the tenant id from our file, proving the built-in data was not used.
 *    (Do not probe /_internal/v1/config: it blocks for up to 15 s waiting for the bot and writes to the log panel.)
 */
export async function waitForReady(check: ReadyCheck): Promise<number> {
  const deadline = Date.now() + check.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${check.timeoutMs} ms`)), check.timeoutMs);
  });
  const died = check.exited.then(({ code, signal }) => {
    throw new Error(`the CLI exited early (code ${String(code)}, signal ${String(signal)})`);
  });
  try {
    return await Promise.race([poll(check, deadline), timedOut, died]);
  } finally {
    clearTimeout(timer);
  }
}

async function poll(check: ReadyCheck, deadline: number): Promise<number> {
  let port: number | undefined;
  while (Date.now() < deadline && !check.hasExited()) {
    if (port === undefined) {
      const match = /Listening on (\d+)/.exec(check.output());
      if (match?.[1] !== undefined) {
        port = Number(match[1]);
        if (port !== check.requestedPort) {
          throw new Error(
            `the CLI fell back to port ${port} instead of ${check.requestedPort} (port was busy)`,
          );
        }
      }
    } else if ((await httpGet(port, '/_debug/ping'))?.body === 'pong') {
      const config = await httpGet(port, '/_internal/v1/testConfig');
      const tenantId = config ? tenantIdFromConfigResponse(config.body) : undefined;
      if (tenantId === check.expectedTenantId) return port;
      if (tenantId !== undefined) {
        throw new Error(`the Playground serves tenant ${tenantId}, expected ${check.expectedTenantId}`);
      }
    }
    await sleep(50);
  }
  // Either exited (the race reports it) or the deadline passed (the race's timer reports it).
  return new Promise<number>(() => undefined);
}

function tenantIdFromConfigResponse(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { config?: { tenantId?: unknown } };
    const tenantId = parsed.config?.tenantId;
    return typeof tenantId === 'string' ? tenantId : undefined;
  } catch {
    return undefined;
  }
}

async function httpGet(port: number, urlPath: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, {
      signal: AbortSignal.timeout(2_000),
    });
    return { status: response.status, body: await response.text() };
  } catch {
    // Connection refused while the server is still coming up.
    return undefined;
  }
}

export function readTenantId(configPath: string): string {
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    // Checked here because the CLI itself ignores a missing file and serves its built-in sample tenant.
    throw new Error(`Playground config file not found: ${configPath}`, { cause: error });
  }
  const parsed: unknown = parseYaml(text);
  const tenantId =
    typeof parsed === 'object' && parsed !== null ? (parsed as { tenantId?: unknown }).tenantId : undefined;
  if (typeof tenantId !== 'string' || tenantId === '') {
    throw new Error(`Playground config file ${configPath} has no tenantId`);
  }
  return tenantId;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
