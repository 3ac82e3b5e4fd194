import { anyString, collectionOf, entityOf, expectGraphError, useSimulator } from './simulator-fixture';

const f = useSimulator();
const items = () => `/sites/${f.sim.siteId}/lists/Requests/items`;
const ETAG = /^"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},(\d+)"$/;

interface ListItem {
  '@odata.etag': string;
  id: string;
  eTag: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: Record<string, unknown> & { '@odata.etag': string };
}

beforeEach(async () => {
  const reply = await f.graph(`/sites/${f.sim.siteId}/lists`, {
    method: 'POST',
    body: {
      displayName: 'Requests',
      columns: [
        { name: 'RequestKey', text: {}, indexed: true },
        { name: 'Status', choice: { choices: ['pending', 'approved', 'rejected'] } },
        { name: 'Days', number: {} },
      ],
      list: { template: 'genericList' },
    },
  });
  expect(reply.status).toBe(201);
});

const create = async (fields: Record<string, unknown>) => {
  const reply = await f.graph(items(), { method: 'POST', body: { fields } });
  expect(reply.status).toBe(201);
  return entityOf<ListItem>(reply);
};

describe('POST .../items — https://learn.microsoft.com/en-us/graph/api/listitem-create?view=graph-rest-1.0', () => {
  it('creates an item: 201 with id, @odata.etag/eTag "{guid},1", timestamps and fields', async () => {
    const item = await create({ Title: 'USB持ち出し', RequestKey: 'r-1', Status: 'pending', Days: 3 });
    expect(item).toMatchObject({
      id: '1',
      createdDateTime: anyString,
      lastModifiedDateTime: anyString,
    });
    expect(item['@odata.etag']).toMatch(ETAG);
    expect(item.eTag).toBe(item['@odata.etag']);
    expect(ETAG.exec(item.eTag)?.[1]).toBe('1');
    expect(item.fields).toMatchObject({
      '@odata.etag': item.eTag,
      Title: 'USB持ち出し',
      RequestKey: 'r-1',
      Status: 'pending',
      Days: 3,
      id: '1',
    });
  });

  it('rejects an unknown field, a wrong type and a value outside the choices with 400 invalidRequest', async () => {
    for (const fields of [{ Nope: 1 }, { Days: 'three' }, { Status: 'maybe' }]) {
      expectGraphError(await f.graph(items(), { method: 'POST', body: { fields } }), 400, 'invalidRequest');
    }
  });
});

describe('GET .../items — https://learn.microsoft.com/en-us/graph/api/listitem-list?view=graph-rest-1.0', () => {
  it('expands fields (with and without $select) and pages with $top and @odata.nextLink', async () => {
    for (let i = 1; i <= 5; i++) await create({ Title: `t${i}`, RequestKey: `r-${i}`, Status: 'pending' });
    const pages = await f.allPages(`${items()}?$expand=fields&$top=2`);
    expect(pages).toHaveLength(3);
    const all = pages.flatMap((p) => collectionOf<ListItem>(p).value);
    expect(all.map((i) => i.fields.RequestKey)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5']);

    const selected = collectionOf<ListItem>(await f.graph(`${items()}?expand=fields(select=RequestKey)`))
      .value[0]!;
    expect(Object.keys(selected.fields).sort()).toEqual(['@odata.etag', 'RequestKey']);
    const bare = collectionOf<ListItem>(await f.graph(items())).value[0]!;
    expect(bare.fields).toBeUndefined();
  });

  it('filters on an indexed column without a Prefer header', async () => {
    await create({ RequestKey: 'a', Status: 'pending' });
    await create({ RequestKey: 'b', Status: 'approved' });
    const body = collectionOf<ListItem>(
      await f.graph(`${items()}?$expand=fields&$filter=fields/RequestKey eq 'b'`),
    );
    expect(body.value.map((i) => i.fields.RequestKey)).toEqual(['b']);
  });

  it('refuses a filter on a non-indexed column with 400 unless Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
    await create({ RequestKey: 'a', Status: 'pending' });
    await create({ RequestKey: 'b', Status: 'approved' });
    const url = `${items()}?$expand=fields&$filter=fields/Status eq 'approved'`;
    const refused = await f.graph(url);
    expectGraphError(refused, 400, 'invalidRequest');
    expect(entityOf<{ error: { message: string } }>(refused).error.message).toContain(
      "Field 'Status' cannot be referenced in filter or orderby as it is not indexed.",
    );
    const allowed = await f.graph(url, {
      headers: { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(collectionOf<ListItem>(allowed).value.map((i) => i.fields.RequestKey)).toEqual(['b']);
  });
});

describe('GET .../items/{item-id} — https://learn.microsoft.com/en-us/graph/api/listitem-get?view=graph-rest-1.0', () => {
  it('returns the item with fields, and 404 itemNotFound for another id', async () => {
    const created = await create({ Title: 'x', RequestKey: 'k' });
    const reply = await f.graph(`${items()}/${created.id}?$expand=fields`);
    expect(reply.status).toBe(200);
    expect(entityOf<ListItem>(reply)).toMatchObject({
      id: created.id,
      eTag: created.eTag,
      fields: { Title: 'x' },
    });
    expectGraphError(await f.graph(`${items()}/99`), 404, 'itemNotFound');
  });
});

describe('PATCH .../items/{item-id}/fields — https://learn.microsoft.com/en-us/graph/api/listitem-update?view=graph-rest-1.0', () => {
  it('updates with the current If-Match, returns the fieldValueSet and a new ETag version', async () => {
    const created = await create({ RequestKey: 'k', Status: 'pending' });
    const reply = await f.graph(`${items()}/${created.id}/fields`, {
      method: 'PATCH',
      headers: { 'if-match': created.eTag },
      body: { Status: 'approved' },
    });
    expect(reply.status).toBe(200);
    const fields = entityOf<Record<string, unknown>>(reply);
    expect(fields).toMatchObject({ Status: 'approved', RequestKey: 'k', id: created.id });
    expect(ETAG.exec(String(fields['@odata.etag']))?.[1]).toBe('2');
    const after = entityOf<ListItem>(await f.graph(`${items()}/${created.id}`));
    expect(after.eTag).toBe(fields['@odata.etag']);
    expect(after.eTag).not.toBe(created.eTag);
  });

  it('is 412 with the documented error body for a stale If-Match, and changes nothing', async () => {
    const created = await create({ RequestKey: 'k', Status: 'pending' });
    await f.graph(`${items()}/${created.id}/fields`, { method: 'PATCH', body: { Status: 'approved' } });
    const stale = await f.graph(`${items()}/${created.id}/fields`, {
      method: 'PATCH',
      headers: { 'if-match': created.eTag },
      body: { Status: 'rejected' },
    });
    expectGraphError(stale, 412, 'resourceModified');
    const now = entityOf<ListItem>(await f.graph(`${items()}/${created.id}?$expand=fields`));
    expect(now.fields.Status).toBe('approved');
  });
});

describe('DELETE .../items/{item-id} — https://learn.microsoft.com/en-us/graph/api/listitem-delete?view=graph-rest-1.0', () => {
  it('honours If-Match (412 when stale), then deletes with 204', async () => {
    const created = await create({ RequestKey: 'k' });
    await f.graph(`${items()}/${created.id}/fields`, { method: 'PATCH', body: { Days: 1 } });
    expectGraphError(
      await f.graph(`${items()}/${created.id}`, { method: 'DELETE', headers: { 'if-match': created.eTag } }),
      412,
      'resourceModified',
    );
    const deleted = await f.graph(`${items()}/${created.id}`, {
      method: 'DELETE',
      headers: { 'if-match': '*' },
    });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await f.graph(`${items()}/${created.id}`)).status).toBe(404);
  });
});
