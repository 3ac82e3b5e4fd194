// bench:store — record store throughput. SQLite: 10,000 creates, then paged queries by an indexed
// field and over the whole kind. SharePoint over the local Graph simulator with 20 ms per HTTP
// response: 2,000 creates through $batch (and 100 audit events one by one, for comparison), then paged queries;
// prints the Graph requests made next to the fewest possible.
//   npx tsx bench/store.ts [--sqlite=10000] [--sharepoint=2000] [--latency=20]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoTenant } from '../bot/src/demo/demo-tenant';
import { createGraphSimulator } from '../bot/src/demo/graph-simulator';
import { createGraphClient } from '../bot/src/graph/create-graph-client';
import { qaFeedbackKind, type QaFeedback } from '../bot/src/policy/records';
import { auditEventKind } from '../bot/src/store/audit';
import type { RecordInput } from '../bot/src/store/record-kind';
import { MAX_PAGE_SIZE, type RecordPage, type RecordStore } from '../bot/src/store/record-store';
import { applyProvisioning, planProvisioning } from '../bot/src/store/sharepoint/provision';
import { SharePointRecordStore } from '../bot/src/store/sharepoint/sharepoint-record-store';
import { SqliteRecordStore } from '../bot/src/store/sqlite/sqlite-record-store';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const sqliteCount = Number(args.get('sqlite') ?? 10_000);
const sharePointCount = Number(args.get('sharepoint') ?? 2_000);
const latencyMs = Number(args.get('latency') ?? 20);
const oneByOne = Math.min(100, sharePointCount);
const USERS = 50;
const GRAPH_BATCH = 20;
const GRAPH_MAX_TOP = 5000;

const user = (i: number) => `aaaaaaaa-0000-4000-8000-${String(i % USERS).padStart(12, '0')}`;
const feedback = (i: number): RecordInput<typeof qaFeedbackKind> => ({
  question: `私物の USB メモリは使えますか (${i})`,
  sectionId: `組織的対策 ${(i % 9) + 1}.${i % 7}`,
  helpful: i % 3 !== 0,
  userId: user(i),
  locale: i % 4 === 0 ? 'en' : 'ja',
  packVersion: '2026.04',
});

const print = (line = '') => process.stdout.write(`${line}\n`);
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** Reads every page of a query; returns records and pages read. */
async function readAll(store: RecordStore, where: { userId?: string }, limit: number) {
  let records = 0;
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page: RecordPage<QaFeedback> = await store.query(qaFeedbackKind, { where, limit, cursor });
    records += page.records.length;
    pages++;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { records, pages };
}

async function sqlite(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-store-'));
  const store = SqliteRecordStore.open(path.join(dir, 'mamori.db'));
  try {
    print(`SQLite (${path.join(dir, 'mamori.db')}, WAL)`);
    const writes = await timed(async () => {
      for (let i = 0; i < sqliteCount; i++) await store.create(qaFeedbackKind, feedback(i));
    });
    print(
      `  create  ${sqliteCount} one by one (the RecordStore port has no batch create; each is its own transaction): ${Math.round(writes.ms)} ms, ${rate(sqliteCount, writes.ms)}`,
    );
    const byUser = await timed(async () => {
      let total = 0;
      for (let u = 0; u < USERS; u++) total += (await readAll(store, { userId: user(u) }, 50)).records;
      return total;
    });
    print(
      `  query   by indexed userId, ${USERS} users, pages of 50: ${byUser.value} records in ${Math.round(byUser.ms)} ms, ${rate(byUser.value, byUser.ms)}`,
    );
    const full = await timed(() => readAll(store, {}, MAX_PAGE_SIZE));
    print(
      `  query   all, pages of ${MAX_PAGE_SIZE}: ${full.value.records} records, ${full.value.pages} pages in ${Math.round(full.ms)} ms, ${rate(full.value.records, full.ms)}`,
    );
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function sharePoint(): Promise<void> {
  const simulator = createGraphSimulator({ tenant: loadDemoTenant() });
  const { url } = await simulator.start(0, '127.0.0.1');
  try {
    const client = createGraphClient({ baseUrl: url, auth: { kind: 'static', token: 'bench' } });
    await applyProvisioning(
      client,
      await planProvisioning(client, simulator.siteId, [qaFeedbackKind, auditEventKind]),
    );
    const store = new SharePointRecordStore({ client, siteId: simulator.siteId, kinds: [qaFeedbackKind] });
    simulator.faults.reset();
    simulator.faults.setLatency(latencyMs);
    print(`SharePoint over the Graph simulator (${latencyMs} ms per HTTP response)`);
    const http = () => simulator.requestLog.filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch).length;
    const inner = () => simulator.requestLog.filter((e) => e.inBatch).length;
    const measure = async (label: string, minimum: string, fn: () => Promise<string>) => {
      const [h0, i0] = [http(), inner()];
      const { value, ms } = await timed(fn);
      print(`  ${label}: ${value} in ${Math.round(ms)} ms`);
      print(
        `          Graph HTTP requests ${http() - h0} (inner $batch requests ${inner() - i0}); fewest possible ${minimum}`,
      );
    };
    await measure(
      `create  ${sharePointCount} through $batch (createMany)`,
      `${Math.ceil(sharePointCount / GRAPH_BATCH)} + 1 list lookup`,
      async () => {
        const t0 = performance.now();
        await store.createMany(
          qaFeedbackKind,
          Array.from({ length: sharePointCount }, (_, i) => feedback(i)),
        );
        return rate(sharePointCount, performance.now() - t0);
      },
    );
    await measure(`append  ${oneByOne} audit events one by one, for comparison`, `${oneByOne}`, async () => {
      const t0 = performance.now();
      for (let i = 0; i < oneByOne; i++) {
        const at = new Date(Date.UTC(2026, 3, 1, 0, 0, i)).toISOString();
        await store.appendAudit({ at, action: 'bench', subjectKind: 'qaFeedback', subjectId: String(i) });
      }
      return rate(oneByOne, performance.now() - t0);
    });
    const pages = Math.ceil(sharePointCount / MAX_PAGE_SIZE);
    await measure(
      `query   all, pages of ${MAX_PAGE_SIZE}`,
      `${pages} at the port's largest page (${Math.ceil(sharePointCount / GRAPH_MAX_TOP)} at Graph's $top ${GRAPH_MAX_TOP})`,
      async () => {
        const t0 = performance.now();
        const { records, pages: read } = await readAll(store, {}, MAX_PAGE_SIZE);
        return `${records} records, ${read} pages, ${rate(records, performance.now() - t0)}`;
      },
    );
    const perUser = Math.ceil(sharePointCount / USERS);
    await measure(
      `query   by indexed userId, 5 users, pages of ${MAX_PAGE_SIZE}`,
      `${5 * Math.ceil(perUser / MAX_PAGE_SIZE)}`,
      async () => {
        const t0 = performance.now();
        let records = 0;
        for (let u = 0; u < 5; u++)
          records += (await readAll(store, { userId: user(u) }, MAX_PAGE_SIZE)).records;
        return `${records} records, ${rate(records, performance.now() - t0)}`;
      },
    );
  } finally {
    await simulator.stop();
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await sqlite();
  print();
  await sharePoint();
  print();
  print(`bench:store done in ${Math.round((performance.now() - t0) / 1000)} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
