import { auditEventKind } from '../../bot/src/store/audit';
import {
  AppendOnlyError,
  RecordConflictError,
  RecordNotFoundError,
  RecordQueryError,
  RecordValidationError,
} from '../../bot/src/store/errors';
import { field } from '../../bot/src/store/field';
import { defineRecordKind, type RecordData, type RecordInput } from '../../bot/src/store/record-kind';
import {
  MAX_PAGE_SIZE,
  type RecordPage,
  type RecordQuery,
  type RecordStore,
} from '../../bot/src/store/record-store';

/** A kind with one field of every type, for the contract. */
export const noteKind = defineRecordKind({
  name: 'contractNote',
  listTitle: 'Mamori Contract Notes',
  fields: {
    subject: field.text({ indexed: true, maxLength: 100 }),
    body: field.text({ required: false, maxLength: 4000 }),
    owner: field.personId({ indexed: true }),
    rank: field.number({ indexed: true }),
    done: field.boolean({ indexed: true }),
    status: field.choice(['open', 'closed'], { indexed: true }),
    dueAt: field.dateTime({ required: false, indexed: true }),
    detail: field.json({ required: false }),
  },
});
type NoteKind = typeof noteKind;

const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const bob = 'bbbbbbbb-0000-4000-8000-000000000002';
const note = (overrides: Partial<RecordInput<NoteKind>> = {}): RecordInput<NoteKind> => ({
  subject: 'USB を紛失',
  owner: alice,
  rank: 1,
  done: false,
  status: 'open',
  ...overrides,
});

export interface StoreUnderTest {
  store: RecordStore;
  cleanup(): Promise<void>;
}

/** The RecordStore contract: runs unchanged against every adapter (SQLite, SharePoint on the simulator, in-memory). */
export function describeRecordStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`RecordStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: RecordStore;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(() => subject.cleanup());

    async function all(query: Omit<RecordQuery<NoteKind>, 'cursor'>) {
      const ids: string[] = [];
      const pages: number[] = [];
      let cursor: string | null = null;
      do {
        const page: RecordPage<RecordData<NoteKind>> = await store.query(noteKind, { ...query, cursor });
        ids.push(...page.records.map((r) => r.id));
        pages.push(page.records.length);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return { ids, pages };
    }

    describe('create and get', () => {
      it('stores a record with an id, an etag and its times, and reads it back by id', async () => {
        const created = await store.create(
          noteKind,
          note({ body: '駅で', detail: { floor: 2, tags: ['usb'] } }),
        );
        expect(created.id).toEqual(expect.any(String));
        expect(created.etag).toEqual(expect.any(String));
        expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
        expect(created.updatedAt).toBe(created.createdAt);
        expect(await store.get(noteKind, created.id)).toEqual(created);
        expect(created.data).toMatchObject({
          subject: 'USB を紛失',
          body: '駅で',
          detail: { floor: 2, tags: ['usb'] },
        });
      });

      it('fills optional fields left out with null and normalises object ids and times', async () => {
        const created = await store.create(
          noteKind,
          note({ owner: alice.toUpperCase(), dueAt: '2026-04-01T09:00:00+09:00' }),
        );
        expect(created.data).toMatchObject({
          owner: alice,
          body: null,
          detail: null,
          dueAt: '2026-04-01T00:00:00.000Z',
        });
      });

      it('returns null for an id no record has', async () => {
        await store.create(noteKind, note());
        expect(await store.get(noteKind, 'no-such-id')).toBeNull();
      });

      it('rejects invalid data naming every bad field, and stores nothing', async () => {
        const bad = {
          ...note(),
          subject: '',
          owner: 'not-an-object-id',
          status: 'lost',
        } as unknown as RecordInput<NoteKind>;
        const error = await store.create(noteKind, bad).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RecordValidationError);
        expect((error as RecordValidationError).fields).toEqual(
          expect.arrayContaining(['subject', 'owner', 'status']),
        );
        expect((await store.query(noteKind, { limit: 10 })).records).toEqual([]);
      });

      it('creates once per clientRequestId: a retried create returns the first record', async () => {
        const first = await store.create(noteKind, note(), { clientRequestId: 'write-1' });
        const retried = await store.create(noteKind, note({ rank: 2 }), { clientRequestId: 'write-1' });
        const other = await store.create(noteKind, note(), { clientRequestId: 'write-2' });
        expect(retried).toEqual(first);
        expect(other.id).not.toBe(first.id);
        expect((await store.query(noteKind, { limit: 10 })).records).toHaveLength(2);
      });
    });

    describe('update', () => {
      it('applies a patch with the current etag and gives the record a new etag', async () => {
        const created = await store.create(noteKind, note({ body: '駅で' }));
        const updated = await store.update(
          noteKind,
          created.id,
          { status: 'closed', done: true },
          { etag: created.etag },
        );
        expect(updated.etag).not.toBe(created.etag);
        expect(updated.data).toEqual({ ...created.data, status: 'closed', done: true });
        expect(updated.updatedAt >= created.updatedAt).toBe(true);
        expect(updated.createdAt).toBe(created.createdAt);
        expect(await store.get(noteKind, created.id)).toEqual(updated);
      });

      it('clears an optional field patched with null', async () => {
        const created = await store.create(noteKind, note({ body: '駅で' }));
        const updated = await store.update(noteKind, created.id, { body: null }, { etag: created.etag });
        expect(updated.data.body).toBeNull();
      });

      it('rejects an update with a stale etag and keeps the newer record', async () => {
        const created = await store.create(noteKind, note());
        const newer = await store.update(noteKind, created.id, { rank: 2 }, { etag: created.etag });
        const error = await store
          .update(noteKind, created.id, { rank: 3 }, { etag: created.etag })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RecordConflictError);
        expect(error).toMatchObject({ reason: 'conflict', currentEtag: newer.etag });
        expect(await store.get(noteKind, created.id)).toEqual(newer);
      });

      it('reports an update of a record that does not exist as not found', async () => {
        const error = await store
          .update(noteKind, 'no-such-id', { rank: 2 }, { etag: 'x' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RecordNotFoundError);
        expect(error).toMatchObject({ reason: 'notFound' });
      });

      it('rejects an invalid patch naming the field, and leaves the record as it was', async () => {
        const created = await store.create(noteKind, note());
        const bad = { rank: 'high' } as unknown as { rank: number };
        const error = await store
          .update(noteKind, created.id, bad, { etag: created.etag })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RecordValidationError);
        expect((error as RecordValidationError).fields).toEqual(['rank']);
        expect(await store.get(noteKind, created.id)).toEqual(created);
      });
    });

    describe('query', () => {
      it('finds records by equality on indexed fields, ANDed', async () => {
        const a = await store.create(noteKind, note({ owner: alice, status: 'open' }));
        await store.create(noteKind, note({ owner: alice, status: 'closed' }));
        await store.create(noteKind, note({ owner: bob, status: 'open' }));
        const page = await store.query(noteKind, {
          where: { owner: alice.toUpperCase(), status: 'open' },
          limit: 10,
        });
        expect(page.records.map((r) => r.id)).toEqual([a.id]);
        expect(page.nextCursor).toBeNull();
      });

      it('matches booleans, numbers, times and empty optional fields', async () => {
        const due = await store.create(
          noteKind,
          note({ rank: 7, done: true, dueAt: '2026-04-01T00:00:00Z' }),
        );
        const open = await store.create(noteKind, note({ rank: 7, done: false }));
        const ids = async (where: RecordQuery<NoteKind>['where']) =>
          (await store.query(noteKind, { where, limit: 10 })).records.map((r) => r.id);
        expect(await ids({ done: true })).toEqual([due.id]);
        expect(await ids({ rank: 7, done: false })).toEqual([open.id]);
        expect(await ids({ dueAt: '2026-04-01T09:00:00+09:00' })).toEqual([due.id]);
        expect(await ids({ dueAt: null })).toEqual([open.id]);
      });

      it('refuses to filter or order on a field that is not indexed', async () => {
        await expect(
          // @ts-expect-error body is not indexed
          store.query(noteKind, { where: { body: 'x' }, limit: 10 }),
        ).rejects.toBeInstanceOf(RecordQueryError);
        await expect(
          // @ts-expect-error body is not indexed
          store.query(noteKind, { orderBy: { field: 'body' }, limit: 10 }),
        ).rejects.toMatchObject({ reason: 'invalidQuery' });
      });

      it(`refuses a limit outside 1 to ${MAX_PAGE_SIZE} and a cursor from another query`, async () => {
        await expect(store.query(noteKind, { limit: 0 })).rejects.toBeInstanceOf(RecordQueryError);
        await expect(store.query(noteKind, { limit: MAX_PAGE_SIZE + 1 })).rejects.toBeInstanceOf(
          RecordQueryError,
        );
        for (let i = 0; i < 3; i++) await store.create(noteKind, note());
        const { nextCursor } = await store.query(noteKind, { where: { owner: alice }, limit: 2 });
        expect(nextCursor).not.toBeNull();
        await expect(
          store.query(noteKind, { where: { owner: bob }, limit: 2, cursor: nextCursor }),
        ).rejects.toBeInstanceOf(RecordQueryError);
      });

      it('pages through matching records with cursors: each once, none missing', async () => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) {
          mine.push((await store.create(noteKind, note({ rank: i }))).id);
          await store.create(noteKind, note({ owner: bob, rank: i }));
        }
        const { ids, pages } = await all({ where: { owner: alice }, limit: 4 });
        expect(pages).toEqual([4, 4, 2]);
        expect(ids).toEqual(mine);
      });

      it('keeps paging stable when records are added between pages', async () => {
        const before: string[] = [];
        for (let i = 0; i < 6; i++) before.push((await store.create(noteKind, note())).id);
        const first = await store.query(noteKind, { limit: 2 });
        const added = await store.create(noteKind, note());
        const seen = first.records.map((r) => r.id);
        let cursor = first.nextCursor;
        while (cursor !== null) {
          const page = await store.query(noteKind, { limit: 2, cursor });
          seen.push(...page.records.map((r) => r.id));
          cursor = page.nextCursor;
        }
        expect(seen).toEqual([...before, added.id]);
      });

      it('orders by creation by default and by an indexed field either way, ties by creation', async () => {
        const created = [];
        for (const rank of [3, 1, 2, 1]) created.push(await store.create(noteKind, note({ rank })));
        const [r3, r1, r2, r1b] = created.map((r) => r.id);
        expect((await all({ limit: 3 })).ids).toEqual([r3, r1, r2, r1b]);
        expect((await all({ orderBy: { field: 'rank' }, limit: 3 })).ids).toEqual([r1, r1b, r2, r3]);
        expect((await all({ orderBy: { field: 'rank', direction: 'desc' }, limit: 3 })).ids).toEqual([
          r3,
          r2,
          r1b,
          r1,
        ]);
        expect((await all({ orderBy: { field: 'createdAt', direction: 'desc' }, limit: 3 })).ids).toEqual([
          r1b,
          r2,
          r1,
          r3,
        ]);
      });
    });

    describe('audit', () => {
      const event = (subjectId: string, action: string) => ({
        at: '2026-04-01T00:00:00Z',
        actorId: alice,
        action,
        subjectKind: 'qaEscalation',
        subjectId,
        detail: { status: 'open' },
      });

      it('appends audit events and reads those of one subject, oldest first, in pages', async () => {
        const mine: string[] = [];
        for (let i = 0; i < 7; i++) {
          mine.push((await store.appendAudit(event('esc-1', `step${i}`))).id);
          await store.appendAudit(event('esc-2', `step${i}`));
        }
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await store.queryAudit({
            subjectKind: 'qaEscalation',
            subjectId: 'esc-1',
            limit: 3,
            cursor,
          });
          ids.push(...page.records.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(ids).toEqual(mine);
        const first = await store.queryAudit({ subjectId: 'esc-1', limit: 1 });
        expect(first.records[0]?.data).toEqual({
          ...event('esc-1', 'step0'),
          at: '2026-04-01T00:00:00.000Z',
        });
      });

      it('records a system action with no actor, once per clientRequestId', async () => {
        const first = await store.appendAudit(
          { ...event('esc-1', 'remind'), actorId: null },
          { clientRequestId: 'w1' },
        );
        await store.appendAudit({ ...event('esc-1', 'remind'), actorId: null }, { clientRequestId: 'w1' });
        const page = await store.queryAudit({ subjectId: 'esc-1', limit: 10 });
        expect(page.records).toEqual([first]);
        expect(first.data.actorId).toBeNull();
      });

      it('rejects an audit event without an action', async () => {
        const bad = { ...event('esc-1', ''), action: undefined } as unknown as ReturnType<typeof event>;
        await expect(store.appendAudit(bad)).rejects.toBeInstanceOf(RecordValidationError);
      });

      it('offers no way to change or remove an audit event', async () => {
        const appended = await store.appendAudit(event('esc-1', 'create'));
        const auditMethods = methodNames(store).filter((n) => /audit/i.test(n));
        expect(auditMethods.sort()).toEqual(['appendAudit', 'queryAudit']);
        const patch = { action: 'x' };
        const etag = { etag: appended.etag };
        // @ts-expect-error audit events are append-only
        const error = await store.update(auditEventKind, appended.id, patch, etag).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppendOnlyError);
        expect((await store.queryAudit({ limit: 10 })).records).toEqual([appended]);
      });
    });
  });
}

function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (
    let o: object | null = object;
    o && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (typeof (object as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}
