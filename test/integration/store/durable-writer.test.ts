import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../bot/src/logger';
import { qaEscalationKind, qaFeedbackKind } from '../../../bot/src/policy/records';
import { RecordValidationError } from '../../../bot/src/store/errors';
import { DurableWriter } from '../../../bot/src/store/outbox/durable-writer';
import { SqliteOutbox } from '../../../bot/src/store/outbox/sqlite-outbox';
import type { RecordInput } from '../../../bot/src/store/record-kind';
import { FlakyRecordStore } from '../../support/flaky-record-store';

const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const admin = 'cccccccc-0000-4000-8000-000000000003';
const feedback = (question: string): RecordInput<typeof qaFeedbackKind> => ({
  question,
  sectionId: '組織的対策 5.6',
  helpful: true,
  userId: alice,
  locale: 'ja',
});
const escalation: RecordInput<typeof qaEscalationKind> = {
  question: '私物の USB は使えますか',
  askerId: alice,
  askerName: '佐藤 美咲',
  locale: 'ja',
  assignedTo: admin,
  status: 'open',
  notified: false,
};

let dir: string;
let store: FlakyRecordStore;
let outbox: SqliteOutbox;
let writer: DurableWriter;

function startProcess(): void {
  outbox = SqliteOutbox.open(path.join(dir, 'outbox.db'));
  writer = new DurableWriter({
    store,
    outbox,
    kinds: [qaFeedbackKind, qaEscalationKind],
    logger: createLogger('silent'),
  });
}
async function stopProcess(): Promise<void> {
  await writer.stop();
  outbox.close();
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-outbox-'));
  let tick = Date.parse('2026-04-01T00:00:00Z');
  store = new FlakyRecordStore({ clock: { now: () => new Date((tick += 1000)) } }); // every write a later time
  startProcess();
});
afterEach(async () => {
  await stopProcess();
  fs.rmSync(dir, { recursive: true, force: true });
});

const feedbackQuestions = async () =>
  (await store.query(qaFeedbackKind, { limit: 100 })).records.map((r) => r.data.question);

describe('DurableWriter', () => {
  it('stores a write at once while the store is up', async () => {
    const outcome = await writer.create(qaFeedbackKind, feedback('q1'));
    expect(outcome).toMatchObject({ status: 'stored', record: { data: { question: 'q1' } } });
    expect(outbox.pendingCount()).toBe(0);
  });

  it('delivers writes made during an outage after recovery, exactly once and in order, across a restart', async () => {
    const open = await writer.create(qaEscalationKind, escalation);
    if (open.status !== 'stored') throw new Error('expected the store to be up');
    store.outage = true;
    const outcomes = [
      await writer.create(qaFeedbackKind, feedback('q1')),
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
      await writer.create(qaFeedbackKind, feedback('q2')),
    ];
    expect(outcomes.map((o) => o.status)).toEqual(['queued', 'queued', 'queued', 'queued']);
    expect(await writer.drain()).toEqual({ delivered: 0, failed: 0, pending: 4 });

    await stopProcess();
    store.outage = false;
    startProcess();
    expect(await writer.drain()).toEqual({ delivered: 4, failed: 0, pending: 0 });
    expect(await writer.drain()).toEqual({ delivered: 0, failed: 0, pending: 0 });

    const [q1, q2] = (await store.query(qaFeedbackKind, { limit: 10 })).records;
    const answered = await store.get(qaEscalationKind, open.record.id);
    const [audit] = (await store.queryAudit({ subjectId: open.record.id, limit: 10 })).records;
    expect(await feedbackQuestions()).toEqual(['q1', 'q2']);
    expect(answered?.data.status).toBe('answered');
    const deliveredAt = [q1?.createdAt, answered?.updatedAt, audit?.createdAt, q2?.createdAt];
    expect(deliveredAt).toEqual([...deliveredAt].sort());
    expect(new Set(deliveredAt).size).toBe(4);
  });

  it('queues a write made after recovery behind the ones still waiting', async () => {
    store.outage = true;
    await writer.create(qaFeedbackKind, feedback('during'));
    store.outage = false;
    expect(await writer.create(qaFeedbackKind, feedback('after'))).toMatchObject({ status: 'queued' });
    await writer.drain();
    expect(await feedbackQuestions()).toEqual(['during', 'after']);
  });

  it('does not duplicate a create whose response was lost', async () => {
    store.lostResponses = 1;
    expect(await writer.create(qaFeedbackKind, feedback('q1'))).toMatchObject({ status: 'queued' });
    expect(await writer.drain()).toMatchObject({ delivered: 1, pending: 0 });
    expect(store.writeCalls).toBe(2);
    expect(await feedbackQuestions()).toEqual(['q1']);
  });

  it('does not count an update whose response was lost as refused when it is retried', async () => {
    const open = await writer.create(qaEscalationKind, escalation);
    if (open.status !== 'stored') throw new Error('expected the store to be up');
    store.lostResponses = 1;
    const patch = { status: 'answered', notified: true } as const;
    expect(
      await writer.update(qaEscalationKind, open.record.id, patch, { etag: open.record.etag }),
    ).toMatchObject({
      status: 'queued',
    });
    expect(await writer.drain()).toEqual({ delivered: 1, failed: 0, pending: 0 });
    expect((await store.get(qaEscalationKind, open.record.id))?.data).toMatchObject(patch);
  });

  it('keeps a queued update refused for a stale etag as failed and delivers the writes after it', async () => {
    const open = await writer.create(qaEscalationKind, escalation);
    if (open.status !== 'stored') throw new Error('expected the store to be up');
    store.outage = true;
    await writer.update(qaEscalationKind, open.record.id, { status: 'answered' }, { etag: open.record.etag });
    await writer.create(qaFeedbackKind, feedback('next'));
    store.outage = false;
    await store.update(qaEscalationKind, open.record.id, { notified: true }, { etag: open.record.etag });
    expect(await writer.drain()).toEqual({ delivered: 1, failed: 1, pending: 0 });
    const failed = outbox.failed();
    expect(failed.map((entry) => [entry.reason, entry.write.operation])).toEqual([['conflict', 'update']]);
    expect(await feedbackQuestions()).toEqual(['next']);
  });

  it('rejects invalid data at once and queues nothing', async () => {
    store.outage = true;
    const bad = { ...feedback('q'), userId: 'someone' };
    await expect(writer.create(qaFeedbackKind, bad)).rejects.toBeInstanceOf(RecordValidationError);
    expect(outbox.pendingCount()).toBe(0);
  });

  it('drains what a previous process left when it starts', async () => {
    store.outage = true;
    await writer.create(qaFeedbackKind, feedback('left behind'));
    await stopProcess();
    store.outage = false;
    startProcess();
    writer.start({ intervalMs: 60_000 });
    await writer.stop(); // waits for the drain under way
    expect(await feedbackQuestions()).toEqual(['left behind']);
  });
});
