import { auditEventKind } from '../../../bot/src/store/audit';
import { RecordConflictError, RecordQueryError, StoreUnavailableError } from '../../../bot/src/store/errors';
import { field } from '../../../bot/src/store/field';
import { defineRecordKind, type RecordData, type RecordInput } from '../../../bot/src/store/record-kind';
import type { RecordPage } from '../../../bot/src/store/record-store';
import { describeRecordStoreContract, noteKind } from '../../support/record-store-contract';
import { lossyFetch, useSharePointSimulator } from '../../support/sharepoint-simulator';

const sp = useSharePointSimulator();

describeRecordStoreContract('SharePointRecordStore on the Graph simulator', async () => {
  sp.reset();
  await sp.provision([noteKind, auditEventKind]);
  return { store: sp.store([noteKind]), cleanup: () => Promise.resolve() };
});

const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const note = (overrides: Partial<RecordInput<typeof noteKind>> = {}): RecordInput<typeof noteKind> => ({
  subject: '持ち出し',
  owner: alice,
  rank: 1,
  done: false,
  status: 'open',
  ...overrides,
});
const itemRequests = (method: string) =>
  sp.requests((e) => e.method === method && /\/lists\/[^/]+\/items/.test(e.path));

describe('SharePointRecordStore over Graph', () => {
  beforeEach(async () => {
    sp.reset();
    await sp.provision([noteKind, auditEventKind]);
    sp.clearLog();
  });

  it('looks the lists up once, by title, and keeps their ids', async () => {
    const store = sp.store([noteKind]);
    await store.create(noteKind, note());
    await store.query(noteKind, { limit: 10 });
    await store.appendAudit({ at: '2026-04-01T00:00:00Z', action: 'x', subjectKind: 'k', subjectId: '1' });
    const listReads = sp.requests((e) => e.method === 'GET' && e.path.endsWith('/lists'));
    expect(listReads).toHaveLength(1);
  });

  it('sends the record ETag as If-Match on update, and a 412 becomes a conflict with the current ETag', async () => {
    const store = sp.store([noteKind]);
    const created = await store.create(noteKind, note());
    const updated = await store.update(noteKind, created.id, { rank: 2 }, { etag: created.etag });
    const stale = await store
      .update(noteKind, created.id, { rank: 3 }, { etag: created.etag })
      .catch((e: unknown) => e);
    const patches = itemRequests('PATCH');
    expect(
      patches.map((e) => [e.path.endsWith(`/items/${created.id}/fields`), e.headers.ifMatch, e.status]),
    ).toEqual([
      [true, created.etag, 200],
      [true, created.etag, 412],
    ]);
    expect(stale).toBeInstanceOf(RecordConflictError);
    expect(stale).toMatchObject({ currentEtag: updated.etag, id: created.id });
  });

  it('turns a 503 that outlasts the retries into StoreUnavailableError, and works again after it', async () => {
    const store = sp.store([noteKind], sp.client({ retry: { maxAttempts: 2 } }));
    await store.query(noteKind, { limit: 1 }); // lists resolved before the outage
    sp.sim.faults.failNext(2, { status: 503, pathPrefix: '/sites' });
    const error = await store.create(noteKind, note()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ reason: 'unavailable' });
    sp.sim.faults.failNext(1, { status: 429, retryAfterSeconds: 3, pathPrefix: '/sites' });
    await expect(store.create(noteKind, note())).resolves.toMatchObject({ data: { subject: '持ち出し' } });
  });

  it('does not duplicate a create whose 504 hid that it landed: the resent one is refused by the unique key', async () => {
    const lossy = lossyFetch();
    const store = sp.store([noteKind], sp.client({ fetch: lossy.fetch, retry: { maxAttempts: 2 } }));
    lossy.state.lostCreates = 1;
    const keyed = await store.create(noteKind, note({ rank: 1 }), { clientRequestId: 'w-504' });
    lossy.state.lostCreates = 1;
    const unkeyed = await store.create(noteKind, note({ rank: 2 }));
    const posts = itemRequests('POST').map((e) => e.status);
    expect(posts).toEqual([201, 409, 201, 409]);
    const all = await store.query(noteKind, { limit: 10 });
    expect(all.records).toEqual([keyed, unkeyed]);
  });

  it('filters with $filter on indexed columns only, never asking for non-indexed queries', async () => {
    const store = sp.store([noteKind]);
    await store.create(noteKind, note({ status: 'closed' }));
    const open = await store.create(noteKind, note());
    sp.clearLog();
    const page = await store.query(noteKind, {
      where: { owner: alice.toUpperCase(), status: 'open', done: false },
      limit: 5,
    });
    expect(page.records.map((r) => r.id)).toEqual([open.id]);
    // @ts-expect-error body is not indexed
    await expect(store.query(noteKind, { where: { body: 'x' }, limit: 5 })).rejects.toBeInstanceOf(
      RecordQueryError,
    );
    const gets = itemRequests('GET');
    expect(gets).toHaveLength(1);
    expect(gets[0]?.query).toEqual({
      $expand: 'fields',
      $filter: `fields/done eq false and fields/owner eq '${alice}' and fields/status eq 'open'`,
      $top: '5',
    });
    expect(sp.requests((e) => e.headers.prefer !== undefined)).toEqual([]);
  });

  it('orders with $orderby on the indexed field, ties by ID in the same direction; updatedAt on Modified', async () => {
    const store = sp.store([noteKind]);
    await store.create(noteKind, note());
    sp.clearLog();
    await store.query(noteKind, { orderBy: { field: 'rank', direction: 'desc' }, limit: 5 });
    await store.query(noteKind, { orderBy: { field: 'updatedAt' }, limit: 5 });
    await store.query(noteKind, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 5 });
    expect(itemRequests('GET').map((e) => e.query.$orderby)).toEqual([
      'fields/rank desc,fields/ID desc',
      'fields/Modified asc,fields/ID asc',
      'fields/ID desc',
    ]);
  });

  it('pages by following @odata.nextLink, also when SharePoint pages below the limit', async () => {
    const store = sp.store([noteKind]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.create(noteKind, note({ rank: i }))).id);
    sp.sim.faults.setPageSize(2);
    sp.clearLog();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: RecordPage<RecordData<typeof noteKind>> = await store.query(noteKind, {
        where: { owner: alice },
        limit: 4,
        cursor,
      });
      expect(page.records.length).toBeLessThanOrEqual(2);
      seen.push(...page.records.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
    const gets = itemRequests('GET');
    expect(gets).toHaveLength(3);
    expect(gets[0]?.query.$skiptoken).toBeUndefined();
    for (const later of gets.slice(1)) {
      expect(later.query).toMatchObject({
        $filter: `fields/owner eq '${alice}'`,
        $skiptoken: expect.any(String) as unknown,
      });
    }
  });

  it("sends only the position of a cursor's link with the query's own options; a link elsewhere is refused", async () => {
    const store = sp.store([noteKind]);
    const bob = 'bbbbbbbb-0000-4000-8000-000000000002';
    for (const owner of [alice, alice, bob]) await store.create(noteKind, note({ owner }));
    const { nextCursor } = await store.query(noteKind, { where: { owner: alice }, limit: 1 });
    const decoded = JSON.parse(Buffer.from(nextCursor ?? '', 'base64url').toString()) as { v: string };
    const forge = (v: string) => Buffer.from(JSON.stringify({ ...decoded, v })).toString('base64url');
    for (const elsewhere of [
      decoded.v.replace(/\/lists\/[^/]+\//, '/lists/other/'),
      'https://attacker.example/v1.0/users?$skiptoken=x',
      decoded.v.replace(/skiptoken=[^&]+/, 'skiptoken=a/../../b'),
    ]) {
      await expect(
        store.query(noteKind, { where: { owner: alice }, limit: 1, cursor: forge(elsewhere) }),
      ).rejects.toBeInstanceOf(RecordQueryError);
    }
    sp.clearLog();
    const widened = forge(decoded.v.replace(/owner%20eq%20[^&]+/, 'done%20eq%20false'));
    expect(widened).not.toBe(nextCursor);
    const page = await store.query(noteKind, { where: { owner: alice }, limit: 1, cursor: widened });
    expect(page.records.map((r) => r.data.owner)).toEqual([alice]);
    expect(itemRequests('GET')[0]?.query.$filter).toBe(`fields/owner eq '${alice}'`);
  });

  it('matches text exactly, although SharePoint compares without regard to case', async () => {
    const store = sp.store([noteKind]);
    await store.create(noteKind, note({ subject: 'USB' }));
    const lower = await store.create(noteKind, note({ subject: 'usb' }));
    const page = await store.query(noteKind, { where: { subject: 'usb' }, limit: 10 });
    expect(page.records.map((r) => r.id)).toEqual([lower.id]);
  });

  it('creates many through $batch, 20 per request, in order', async () => {
    const store = sp.store([noteKind]);
    await store.query(noteKind, { limit: 1 }); // lists resolved before the faults
    sp.sim.faults.failNext(2, { status: 503, pathPrefix: '/sites' });
    const created = await store.createMany(
      noteKind,
      Array.from({ length: 45 }, (_, i) => note({ rank: i })),
    );
    expect(created.map((r) => r.data.rank)).toEqual(Array.from({ length: 45 }, (_, i) => i));
    expect(sp.requests((e) => e.path === '/v1.0/$batch').length).toBe(4); // 3, then the 2 refused sent again
    const all = await store.query(noteKind, { limit: 100 });
    expect(all.records).toHaveLength(45);
  });

  it('keeps field names SharePoint reserves or cannot hold as safe internal names', async () => {
    const oddKind = defineRecordKind({
      name: 'oddNames',
      listTitle: 'Mamori Odd Names',
      fields: {
        order: field.number({ indexed: true }),
        path: field.text(),
        aVeryLongFieldNameThatSharePointCannotKeepAsIs: field.text({ indexed: true }),
      },
    });
    await sp.provision([oddKind]);
    const store = sp.store([oddKind]);
    const data = { order: 2, path: '/a', aVeryLongFieldNameThatSharePointCannotKeepAsIs: 'v' };
    const created = await store.create(oddKind, data);
    expect(created.data).toEqual(data);
    const found = await store.query(oddKind, {
      where: { aVeryLongFieldNameThatSharePointCannotKeepAsIs: 'v' },
      orderBy: { field: 'order' },
      limit: 5,
    });
    expect(found.records).toEqual([created]);
    const post = itemRequests('POST').at(-1);
    expect(post?.path).toContain('/items');
    const columns = (await sp
      .client()
      .api(`/sites/${sp.sim.siteId}/lists/${encodeURIComponent('Mamori Odd Names')}?$expand=columns`)
      .get()) as {
      columns: { name: string }[];
    };
    const names = columns.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['mamoriOrder', 'mamoriPath']));
    expect(names.filter((n) => n.startsWith('aVeryLong'))).toEqual([expect.stringMatching(/^.{32}$/)]);
  });

  it('reports a list that was never provisioned as unavailable, naming the command', async () => {
    sp.reset();
    const error = await sp
      .store([noteKind])
      .create(noteKind, note())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/provision:lists/);
  });

  it('answers a get of an id that is no item number without asking SharePoint', async () => {
    const store = sp.store([noteKind]);
    sp.clearLog();
    expect(await store.get(noteKind, '../../users')).toBeNull();
    expect(sp.requests()).toEqual([]);
  });
});
