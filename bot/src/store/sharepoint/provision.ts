import { z } from 'zod';
import type { GraphClient } from '../../graph/create-graph-client';
import type { RecordKind } from '../record-kind';
import { columnSpecs, INDEXED_BUILT_INS, missingChoices, type ColumnSpec } from './columns';
import { listLists, sitePath } from './site-lists';

/**
 * Lists, columns and indexes for record kinds, made to match by comparing with what the site has:
 * `planProvisioning` reads (GET lists, GET each list with its columns) and changes nothing;
 * `applyProvisioning` carries a plan out. Applying and planning again gives an empty plan. Nothing
 * is ever removed or retyped: a column of another type is reported as a warning for a person.
 */
export type ProvisioningAction =
  | { type: 'createList'; listTitle: string; kind: string; columns: ColumnSpec[] }
  | { type: 'addColumn'; listTitle: string; column: ColumnSpec }
  | { type: 'indexColumn'; listTitle: string; column: string; patch: Record<string, unknown> }
  | { type: 'addChoices'; listTitle: string; column: string; choices: string[]; added: string[] };

export interface ProvisioningPlan {
  siteId: string;
  actions: ProvisioningAction[];
  /** Differences left alone (a column of another type, a shorter text column). */
  warnings: string[];
}

const existingColumn = z.looseObject({
  id: z.string(),
  name: z.string(),
  indexed: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
});
type ExistingColumn = z.infer<typeof existingColumn>;
const listWithColumns = z.object({ id: z.string(), columns: z.array(existingColumn) });

export async function planProvisioning(
  client: GraphClient,
  siteId: string,
  kinds: readonly RecordKind[],
): Promise<ProvisioningPlan> {
  const existing = new Map((await listLists(client, siteId)).map((l) => [l.displayName.toLowerCase(), l]));
  const plan: ProvisioningPlan = { siteId, actions: [], warnings: [] };
  const seen = new Set<string>();
  for (const kind of kinds) {
    const listTitle = kind.listTitle;
    if (seen.has(listTitle.toLowerCase())) continue;
    seen.add(listTitle.toLowerCase());
    const specs = columnSpecs(kind);
    const list = existing.get(listTitle.toLowerCase());
    if (!list) {
      plan.actions.push({ type: 'createList', listTitle, kind: kind.name, columns: specs });
      for (const column of INDEXED_BUILT_INS)
        plan.actions.push({ type: 'indexColumn', listTitle, column, patch: { indexed: true } });
      continue;
    }
    const columns = await readColumns(client, siteId, list.id);
    for (const spec of specs) compareColumn(plan, listTitle, spec, columns);
    for (const name of INDEXED_BUILT_INS) {
      const column = columns.find((c) => c.name === name);
      if (column && !column.indexed)
        plan.actions.push({ type: 'indexColumn', listTitle, column: name, patch: { indexed: true } });
    }
  }
  return plan;
}

function compareColumn(
  plan: ProvisioningPlan,
  listTitle: string,
  spec: ColumnSpec,
  columns: ExistingColumn[],
) {
  const column = columns.find((c) => c.name === spec.name);
  if (!column) {
    const other = columns.find((c) => c.name.toLowerCase() === spec.name.toLowerCase());
    if (other)
      plan.warnings.push(`"${listTitle}" has "${other.name}" where "${spec.name}" is wanted; left as is`);
    else plan.actions.push({ type: 'addColumn', listTitle, column: spec });
    return;
  }
  if (!(spec.facet in column)) {
    plan.warnings.push(`"${listTitle}" / ${spec.name} is not a ${spec.facet} column; left as is`);
    return;
  }
  const patch: Record<string, unknown> = {};
  if (spec.indexed && !column.indexed) patch.indexed = true;
  if (spec.body.enforceUniqueValues === true && !column.enforceUniqueValues) patch.enforceUniqueValues = true;
  if (Object.keys(patch).length > 0)
    plan.actions.push({ type: 'indexColumn', listTitle, column: spec.name, patch });
  const added = missingChoices(spec, column);
  if (added.length > 0) {
    const have = (column.choice as { choices?: string[] } | undefined)?.choices ?? [];
    plan.actions.push({
      type: 'addChoices',
      listTitle,
      column: spec.name,
      choices: [...have, ...added],
      added,
    });
  }
  const wantedLength = (spec.body.text as { maxLength?: number } | undefined)?.maxLength;
  const length = (column.text as { maxLength?: unknown } | undefined)?.maxLength;
  if (wantedLength !== undefined && typeof length === 'number' && length < wantedLength)
    plan.warnings.push(
      `"${listTitle}" / ${spec.name} holds ${length} characters, not ${wantedLength}; left as is`,
    );
}

/** `GET .../lists/{id}?$expand=columns`: every column, hidden ones included (the idempotency column is hidden). */
async function readColumns(client: GraphClient, siteId: string, listId: string): Promise<ExistingColumn[]> {
  const body: unknown = await client.api(`${sitePath(siteId)}/lists/${listId}?$expand=columns`).get();
  return listWithColumns.parse(body).columns;
}

/** Carries the plan out in order; returns the line describing each action done. */
export async function applyProvisioning(client: GraphClient, plan: ProvisioningPlan): Promise<string[]> {
  const site = sitePath(plan.siteId);
  const ids = new Map((await listLists(client, plan.siteId)).map((l) => [l.displayName.toLowerCase(), l.id]));
  const listId = (title: string) => {
    const id = ids.get(title.toLowerCase());
    if (id === undefined) throw new Error(`list "${title}" disappeared while provisioning`);
    return id;
  };
  const columnId = async (title: string, name: string) => {
    const found = (await readColumns(client, plan.siteId, listId(title))).find((c) => c.name === name);
    if (!found) throw new Error(`"${title}" has no column ${name}`);
    return found.id;
  };
  const done: string[] = [];
  for (const action of plan.actions) {
    switch (action.type) {
      case 'createList': {
        const body = {
          displayName: action.listTitle,
          description: `Mamori records of kind ${action.kind}`,
          columns: action.columns.map((c) => c.body),
          list: { template: 'genericList' },
        };
        const created = z.object({ id: z.string() }).parse(await client.api(`${site}/lists`).post(body));
        ids.set(action.listTitle.toLowerCase(), created.id);
        break;
      }
      case 'addColumn':
        await client.api(`${site}/lists/${listId(action.listTitle)}/columns`).post(action.column.body);
        break;
      case 'indexColumn':
      case 'addChoices': {
        const id = await columnId(action.listTitle, action.column);
        const patch = action.type === 'indexColumn' ? action.patch : { choice: { choices: action.choices } };
        await client.api(`${site}/lists/${listId(action.listTitle)}/columns/${id}`).patch(patch);
        break;
      }
    }
    done.push(describeAction(action));
  }
  return done;
}

/** One line per action, as `provision:lists` prints the plan. */
export function describeAction(action: ProvisioningAction): string {
  switch (action.type) {
    case 'createList': {
      const indexed = action.columns.filter((c) => c.indexed).map((c) => c.name);
      return `create list "${action.listTitle}" with ${action.columns.length} columns (indexed: ${indexed.join(', ') || 'none'})`;
    }
    case 'addColumn':
      return `add column "${action.listTitle}" / ${action.column.name} (${describeColumn(action.column)})`;
    case 'indexColumn':
      return `index column "${action.listTitle}" / ${action.column}${action.patch.enforceUniqueValues ? ' (unique)' : ''}`;
    case 'addChoices':
      return `add choices to "${action.listTitle}" / ${action.column}: ${action.added.join(', ')}`;
  }
}

function describeColumn(column: ColumnSpec): string {
  const text = column.body.text as { maxLength?: number; allowMultipleLines?: boolean } | undefined;
  const type = text?.allowMultipleLines ? 'multi-line text' : text ? `text ${text.maxLength}` : column.facet;
  return `${type}${column.indexed ? ', indexed' : ''}`;
}
