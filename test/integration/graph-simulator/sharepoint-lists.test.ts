import {
  anyArray,
  anyObject,
  anyString,
  collectionOf,
  entityOf,
  expectGraphError,
  including,
  matching,
  useSimulator,
} from './simulator-fixture';

const f = useSimulator();
const site = () => `/sites/${f.sim.siteId}`;

const incidentsList = {
  displayName: 'Incidents',
  columns: [
    { name: 'ReportId', text: {}, indexed: true },
    { name: 'Level', number: {} },
    { name: 'PersonalData', boolean: {} },
    { name: 'DiscoveredAt', dateTime: {} },
    { name: 'Phase', choice: { choices: ['report', 'initial', 'investigation', 'recovery', 'final'] } },
  ],
  list: { template: 'genericList' },
};

describe('GET /sites/{site-id} — https://learn.microsoft.com/en-us/graph/api/site-get?view=graph-rest-1.0', () => {
  it('addresses the site by its composite id {hostname},{site-collection-id},{web-id}', async () => {
    expect(f.sim.siteId).toMatch(
      /^sakura-seiki\.sharepoint\.com,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},[0-9a-f-]{36}$/,
    );
    const reply = await f.graph(site());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      '@odata.context': `${f.url}/$metadata#sites/$entity`,
      id: f.sim.siteId,
      name: 'mamori',
      webUrl: 'https://sakura-seiki.sharepoint.com/sites/mamori',
    });
    const byPath = await f.graph('/sites/sakura-seiki.sharepoint.com:/sites/mamori');
    expect(entityOf(byPath).id).toBe(f.sim.siteId);
  });

  it('is 404 itemNotFound for another site', async () => {
    expectGraphError(await f.graph('/sites/contoso.sharepoint.com,1,2'), 404, 'itemNotFound');
  });
});

describe('POST /sites/{site-id}/lists — https://learn.microsoft.com/en-us/graph/api/list-create?view=graph-rest-1.0', () => {
  it('creates a genericList with its columns and returns 201 with the list', async () => {
    const reply = await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      '@odata.context': `${f.url}/$metadata#sites('${encodeURIComponent(f.sim.siteId)}')/lists/$entity`,
      id: matching(/^[0-9a-f-]{36}$/),
      displayName: 'Incidents',
      eTag: anyString,
      createdDateTime: anyString,
      list: { template: 'genericList', hidden: false },
    });
  });

  it('is 409 nameAlreadyExists for a second list with the same title', async () => {
    await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList });
    expectGraphError(
      await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList }),
      409,
      'nameAlreadyExists',
    );
  });
});

describe('GET /sites/{site-id}/lists[/{list-id | list-title}] — https://learn.microsoft.com/en-us/graph/api/list-get?view=graph-rest-1.0', () => {
  it('lists the lists and gets one by id or by title', async () => {
    const created = entityOf<{ id: string }>(
      await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList }),
    );
    const all = collectionOf(await f.graph(`${site()}/lists`));
    expect(all.value.map((l) => l.id)).toEqual([created.id]);
    expect(entityOf(await f.graph(`${site()}/lists/${created.id}`)).displayName).toBe('Incidents');
    expect(entityOf(await f.graph(`${site()}/lists/Incidents`)).id).toBe(created.id);
    expectGraphError(await f.graph(`${site()}/lists/Nothing`), 404, 'itemNotFound');
  });
});

describe('GET/POST /sites/{site-id}/lists/{list-id}/columns — https://learn.microsoft.com/en-us/graph/api/list-list-columns?view=graph-rest-1.0 and https://learn.microsoft.com/en-us/graph/api/list-post-columns?view=graph-rest-1.0', () => {
  it('lists the template Title column and the created columns with their type facets', async () => {
    await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList });
    const columns = collectionOf(await f.graph(`${site()}/lists/Incidents/columns`)).value;
    expect(columns.map((c) => c.name)).toEqual(including(['Title', 'ReportId', 'Level', 'Phase']));
    expect(columns.find((c) => c.name === 'Title')).toMatchObject({
      indexed: false,
      text: {
        allowMultipleLines: false,
        appendChangesToExistingText: false,
        linesForEditing: 0,
        maxLength: 255,
      },
    });
    expect(columns.find((c) => c.name === 'ReportId')).toMatchObject({
      indexed: true,
      text: anyObject,
    });
    expect(columns.find((c) => c.name === 'Phase')).toMatchObject({ choice: { choices: anyArray } });
  });

  it('adds a column with 201, refuses a duplicate name with 400', async () => {
    await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList });
    const column = { name: 'Owner', description: 'who', indexed: true, text: { maxLength: 100 } };
    const reply = await f.graph(`${site()}/lists/Incidents/columns`, { method: 'POST', body: column });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: 'Owner',
      displayName: 'Owner',
      indexed: true,
      text: { maxLength: 100 },
    });
    expectGraphError(
      await f.graph(`${site()}/lists/Incidents/columns`, { method: 'POST', body: column }),
      400,
      'invalidRequest',
    );
  });
});

describe('PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id} — https://learn.microsoft.com/en-us/graph/api/columndefinition-update?view=graph-rest-1.0', () => {
  it('sets indexed on an existing column', async () => {
    await f.graph(`${site()}/lists`, { method: 'POST', body: incidentsList });
    const columns = collectionOf<{ id: string; name: string }>(
      await f.graph(`${site()}/lists/Incidents/columns`),
    );
    const level = columns.value.find((c) => c.name === 'Level')!;
    const reply = await f.graph(`${site()}/lists/Incidents/columns/${level.id}`, {
      method: 'PATCH',
      body: { indexed: true },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: level.id,
      name: 'Level',
      indexed: true,
      number: anyObject,
    });
    const again = collectionOf(await f.graph(`${site()}/lists/Incidents/columns`)).value;
    expect(again.find((c) => c.name === 'Level')?.indexed).toBe(true);
  });
});
