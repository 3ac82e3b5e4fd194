import { allRecordKinds } from '../../../bot/src/store/all-kinds';
import { qaEscalationKind } from '../../../bot/src/policy/records';
import { columnSpecs } from '../../../bot/src/store/sharepoint/columns';
import {
  applyProvisioning,
  describeAction,
  planProvisioning,
} from '../../../bot/src/store/sharepoint/provision';
import { useSharePointSimulator } from '../../support/sharepoint-simulator';

const sp = useSharePointSimulator();
beforeEach(() => sp.reset());

interface ListColumn {
  name: string;
  indexed: boolean;
  hidden: boolean;
  enforceUniqueValues: boolean;
  text?: { maxLength?: number; allowMultipleLines?: boolean };
  choice?: { choices: string[] };
  number?: object;
  boolean?: object;
  dateTime?: object;
}

const site = () => `/sites/${sp.sim.siteId}`;
const lists = async () =>
  ((await sp.client().api(`${site()}/lists`).get()) as { value: { id: string; displayName: string }[] })
    .value;
const columnsOf = async (title: string) =>
  (
    (await sp
      .client()
      .api(`${site()}/lists/${encodeURIComponent(title)}?$expand=columns`)
      .get()) as { columns: ListColumn[] }
  ).columns;
const writes = () => sp.requests((e) => e.method !== 'GET');
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

describe('SharePoint list provisioning', () => {
  it('plans every list, column and index on an empty site, and a dry run creates nothing', async () => {
    const plan = await planProvisioning(sp.client(), sp.sim.siteId, allRecordKinds);
    const lines = plan.actions.map(describeAction);
    expect(lines).toEqual(
      allRecordKinds.flatMap((kind) => [
        matching(
          new RegExp(`^create list "${kind.listTitle}" with \\d+ columns \\(indexed: .*clientRequestId\\)$`),
        ),
        `index column "${kind.listTitle}" / Modified`,
      ]),
    );
    expect(plan.warnings).toEqual([]);
    expect(writes()).toEqual([]);
    expect(await lists()).toEqual([]);
  });

  it('creates the lists with typed, indexed columns and the hidden unique key column; a second plan is empty', async () => {
    const client = sp.client();
    const done = await applyProvisioning(
      client,
      await planProvisioning(client, sp.sim.siteId, allRecordKinds),
    );
    expect(done).toHaveLength(allRecordKinds.length * 2);
    expect((await lists()).map((l) => l.displayName).sort()).toEqual(
      allRecordKinds.map((k) => k.listTitle).sort(),
    );

    const columns = await columnsOf(qaEscalationKind.listTitle);
    const named = (name: string) => columns.find((c) => c.name === name);
    expect(named('question')).toMatchObject({ indexed: false, text: { allowMultipleLines: true } });
    expect(named('askerId')).toMatchObject({
      indexed: true,
      text: { maxLength: 36, allowMultipleLines: false },
    });
    expect(named('askerName')).toMatchObject({ indexed: false, text: { maxLength: 255 } });
    expect(named('status')).toMatchObject({ indexed: true, choice: { choices: ['open', 'answered'] } });
    expect(named('notified')).toMatchObject({ indexed: true, boolean: {} });
    expect(named('answeredAt')).toMatchObject({ indexed: false, dateTime: { format: 'dateTime' } });
    expect(named('clientRequestId')).toMatchObject({
      indexed: true,
      hidden: true,
      enforceUniqueValues: true,
    });
    expect(named('Modified')).toMatchObject({ indexed: true });

    sp.clearLog();
    const again = await planProvisioning(client, sp.sim.siteId, allRecordKinds);
    expect(again).toEqual({ siteId: sp.sim.siteId, actions: [], warnings: [] });
    expect(writes()).toEqual([]);
  });

  it('adds what an existing list lacks: a column, an index, a choice; warns about a column of another type', async () => {
    const specs = columnSpecs(qaEscalationKind);
    const body = (name: string) => specs.find((s) => s.name === name)?.body ?? {};
    await sp
      .client()
      .api(`${site()}/lists`)
      .post({
        displayName: qaEscalationKind.listTitle,
        columns: [
          { ...body('question') },
          { ...body('askerId'), indexed: false },
          { ...body('status'), choice: { choices: ['open'] } },
          { name: 'notified', text: {} },
        ],
        list: { template: 'genericList' },
      });
    const client = sp.client();
    const plan = await planProvisioning(client, sp.sim.siteId, [qaEscalationKind]);
    const title = `"${qaEscalationKind.listTitle}"`;
    expect(plan.actions.map(describeAction)).toEqual([
      `index column ${title} / askerId`,
      `add column ${title} / askerName (text 255)`,
      `add column ${title} / locale (choice)`,
      `add column ${title} / assignedTo (text 36, indexed)`,
      `add choices to ${title} / status: answered`,
      `add column ${title} / answer (multi-line text)`,
      `add column ${title} / answeredBy (text 36)`,
      `add column ${title} / answeredAt (dateTime)`,
      `add column ${title} / clientRequestId (text 255, indexed)`,
      `index column ${title} / Modified`,
    ]);
    expect(plan.warnings).toEqual([`${title} / notified is not a boolean column; left as is`]);

    await applyProvisioning(client, plan);
    const columns = await columnsOf(qaEscalationKind.listTitle);
    expect(columns.find((c) => c.name === 'status')?.choice?.choices).toEqual(['open', 'answered']);
    expect(columns.find((c) => c.name === 'askerId')?.indexed).toBe(true);
    const again = await planProvisioning(client, sp.sim.siteId, [qaEscalationKind]);
    expect(again.actions).toEqual([]);
    expect(again.warnings).toHaveLength(1);
  });
});
