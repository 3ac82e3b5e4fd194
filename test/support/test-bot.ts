import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../bot/src/config';
import type { ReminderPolicy } from '../../bot/src/incidents/reminder-policy';
import { createLogger } from '../../bot/src/logger';
import { startMamori, type RunningMamori } from '../../bot/src/mamori';
import type { Clock } from '../../bot/src/shared/clock';
import { testTenantId } from './teams-activities';

export interface TestBot extends RunningMamori {
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  dataDir: string;
}

/** Starts the real server on a random port with a fresh data folder. */
export async function startTestBot(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    clock?: Clock;
    reminderPolicy?: Partial<ReminderPolicy>;
    startReminders?: boolean;
  } = {},
): Promise<TestBot> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-test-'));
  const config = parseConfig({
    MAMORI_MODE: 'local',
    PORT: '0',
    MAMORI_TENANT_ID: testTenantId,
    MAMORI_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // Tests speak Teams' own locales; the Playground override is covered by the e2e test.
    MAMORI_LOCAL_LOCALE: 'activity',
    ...options.env,
  });
  const mamori = await startMamori({
    config,
    logger: createLogger(config.logLevel),
    clock: options.clock,
    reminderPolicy: options.reminderPolicy,
    startReminders: options.startReminders,
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${mamori.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ...mamori, post, dataDir };
}
