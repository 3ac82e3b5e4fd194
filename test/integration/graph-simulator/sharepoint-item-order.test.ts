import { collectionOf, entityOf, expectGraphError, useSimulator } from './simulator-fixture';

const f = useSimulator();
const items = () => `/sites/${f.sim.siteId}/lists/Requests/items`;

interface ListItem {
  id: string;
  fields: Record<string, unknown>;
}

beforeEach(async () => {
  const reply = await f.graph(`/sites/${f.sim.siteId}/lists`, {
    method: 'POST',
    body: {
      displayName: 'Requests',
      columns: [
        { name: 'RequestKey', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Days', number: {}, indexed: true },
        { name: 'Note', text: {} },
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
const keys = (pages: Awaited<ReturnType<typeof f.allPages>>) =>
  pages.flatMap((p) => collectionOf<ListItem>(p).value.map((i) => i.fields.RequestKey));

describe('GET .../items?$orderby — https://learn.microsoft.com/en-us/graph/api/listitem-list?view=graph-rest-1.0', () => {
  it('sorts on indexed columns either way, ties in ID order unless fields/ID is given', async () => {
    for (const [key, days] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
      ['d', 1],
    ] as const)
      await create({ RequestKey: key, Days: days });
    const sorted = async (orderby: string) =>
      keys(await f.allPages(`${items()}?$expand=fields&$orderby=${orderby}`));
    expect(await sorted('fields/Days')).toEqual(['b', 'd', 'c', 'a']);
    expect(await sorted('fields/Days desc')).toEqual(['a', 'c', 'b', 'd']);
    expect(await sorted('fields/Days desc,fields/ID desc')).toEqual(['a', 'c', 'd', 'b']);
    expect(await sorted('fields/ID desc')).toEqual(['d', 'c', 'b', 'a']);
  });

  it('refuses $orderby on a column that is not indexed unless the Prefer header allows it', async () => {
    await create({ RequestKey: 'a', Note: 'x' });
    const refused = await f.graph(`${items()}?$orderby=fields/Note`);
    expectGraphError(refused, 400, 'invalidRequest');
    expect(entityOf<{ error: { message: string } }>(refused).error.message).toContain(
      "Field 'Note' cannot be referenced in filter or orderby as it is not indexed.",
    );
    const allowed = await f.graph(`${items()}?$orderby=fields/Note`, {
      headers: { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(allowed.status).toBe(200);
  });

  it('pages by position ($skiptoken "Paged=TRUE&p_…"): items added before it are not read twice', async () => {
    for (const [key, days] of [
      ['a', 5],
      ['b', 4],
      ['c', 3],
      ['d', 2],
    ] as const)
      await create({ RequestKey: key, Days: days });
    const first = collectionOf<ListItem>(
      await f.graph(`${items()}?$expand=fields&$orderby=fields/Days desc&$top=2`),
    );
    expect(first.value.map((i) => i.fields.RequestKey)).toEqual(['a', 'b']);
    const token = new URL(first['@odata.nextLink'] ?? '').searchParams.get('$skiptoken') ?? '';
    expect(Buffer.from(token, 'base64url').toString()).toMatch(/^Paged=TRUE&p_Days=4&p_ID=2$/);
    await create({ RequestKey: 'e', Days: 9 }); // sorts before the position: not on the next pages
    const rest = keys(await f.allPages(first['@odata.nextLink'] ?? ''));
    expect(rest).toEqual(['c', 'd']);
  });

  it('enforces unique values in a column that asks for them (ignoring case)', async () => {
    await create({ RequestKey: 'k-1' });
    const again = await f.graph(items(), { method: 'POST', body: { fields: { RequestKey: 'K-1' } } });
    expectGraphError(again, 409, 'conflict');
    expect(collectionOf(await f.graph(items())).value).toHaveLength(1);
  });
});
