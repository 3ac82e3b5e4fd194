import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../bot/src/logger';
import { qaEscalationKind, qaFeedbackKind } from '../../../bot/src/policy/records';
import { auditEventKind } from '../../../bot/src/store/audit';
import { DurableWriter } from '../../../bot/src/store/outbox/durable-writer';
import { SqliteOutbox } from '../../../bot/src/store/outbox/sqlite-outbox';
import type { RecordKind } from '../../../bot/src/store/record-kind';
import { lossyFetch, useSharePointSimulator } from '../../support/sharepoint-simulator';

/** DurableWriter over SharePointRecordStore on the simulator: a SharePoint outage, then recovery and a restart. */
const sp = useSharePointSimulator();
const kinds = [qaFeedbackKind, qaEscalationKind];
const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const admin = 'cccccccc-0000-4000-8000-000000000003';
const feedback = {
  question: 'USB は使えますか',
  sectionId: '組織的対策 5.6',
  helpful: true,
  userId: alice,
  locale: 'ja',
} as const;

let dir: string;
let outbox: SqliteOutbox;
let writer: DurableWriter;
/** Answers of creates lost after SharePoint carried them out; reads failed before they are sent. */
const lossy = lossyFetch();

/** One bot process: a fresh store (list ids looked up again) and the outbox file reopened. */
function startProcess(): void {
  // One attempt per call: the outage is seen at once, and the outbox does the retrying.
  const store = sp.store(kinds, sp.client({ fetch: lossy.fetch, retry: { maxAttempts: 1 } }));
  outbox = SqliteOutbox.open(path.join(dir, 'outbox.db'));
  writer = new DurableWriter({ store, outbox, kinds, logger: createLogger('silent') });
}
async function stopProcess(): Promise<void> {
  await writer.stop();
  outbox.close();
}

async function itemsOf(kind: RecordKind): Promise<Record<string, unknown>[]> {
  const list = encodeURIComponent(kind.listTitle);
  const body = (await sp
    .client()
    .api(`/sites/${sp.sim.siteId}/lists/${list}/items?$expand=fields&$top=100`)
    .get()) as { value: { fields: Record<string, unknown> }[] };
  return body.value.map((item) => item.fields);
}

beforeEach(async () => {
  sp.reset();
  await sp.provision([...kinds, auditEventKind]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-sp-outbox-'));
  Object.assign(lossy.state, { lostCreates: 0, failedReads: 0, failReadAfterLoss: false });
  startProcess();
});
afterEach(async () => {
  await stopProcess();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('DurableWriter over SharePoint lists', () => {
  it('queues writes made while SharePoint answers 503 and delivers each once after recovery and a restart', async () => {
    const open = await writer.create(qaEscalationKind, {
      question: '私物の USB は使えますか',
      askerId: alice,
      askerName: '佐藤 美咲',
      locale: 'ja',
      assignedTo: admin,
      status: 'open',
      notified: false,
    });
    if (open.status !== 'stored') throw new Error('expected SharePoint to be up');

    sp.sim.faults.failNext(1000, { status: 503, retryAfterSeconds: 30, pathPrefix: '/sites' });
    const outcomes = [
      await writer.create(qaFeedbackKind, feedback),
      await writer.update(
        qaEscalationKind,
        open.record.id,
        { status: 'answered' },
        { etag: open.record.etag },
      ),
      await writer.appendAudit({
        at: '2026-04-01T00:00:00Z',
        actorId: admin,
        action: 'answer',
        subjectKind: 'qaEscalation',
        subjectId: open.record.id,
      }),
    ];
    expect(outcomes.map((o) => o.status)).toEqual(['queued', 'queued', 'queued']);
    expect(await writer.drain()).toEqual({ delivered: 0, failed: 0, pending: 3 });
    expect(await itemsOf(qaFeedbackKind).catch(() => 'down')).toBe('down');

    await stopProcess();
    sp.sim.faults.reset(); // SharePoint is back
    startProcess();
    // The first delivery lands but its answer is lost (504): the store finds the item by its key.
    lossy.state.lostCreates = 1;
    expect(await writer.drain()).toEqual({ delivered: 3, failed: 0, pending: 0 });
    expect(lossy.state.lostCreates).toBe(0);
    expect(await writer.drain()).toEqual({ delivered: 0, failed: 0, pending: 0 });

    const stored = await itemsOf(qaFeedbackKind);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ question: feedback.question, userId: alice });
    expect((await itemsOf(qaEscalationKind))[0]).toMatchObject({ status: 'answered' });
    expect(await itemsOf(auditEventKind)).toEqual([expect.objectContaining({ action: 'answer' })]);
  });

  it('keeps a create whose outcome stayed unknown, and finds it by its key on the next drain instead of writing it twice', async () => {
    sp.sim.faults.failNext(1, { status: 503, pathPrefix: '/sites' });
    // Lists were not looked up yet: the 503 hits that lookup, and the write is queued.
    expect(await writer.create(qaFeedbackKind, feedback)).toMatchObject({ status: 'queued' });
    Object.assign(lossy.state, { lostCreates: 1, failReadAfterLoss: true });
    expect(await writer.drain()).toEqual({ delivered: 0, failed: 0, pending: 1 });
    expect(lossy.state.lostCreates).toBe(0);
    expect(await writer.drain()).toEqual({ delivered: 1, failed: 0, pending: 0 });
    expect(await itemsOf(qaFeedbackKind)).toHaveLength(1);
  });
});
