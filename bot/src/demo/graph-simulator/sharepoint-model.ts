import { z } from 'zod';
import { GraphError, isoSeconds, isRecord, stableGuid } from './types';

/**
 * In-memory SharePoint site, lists, columns and items, in the shapes of resources/site.md, list.md,
 * columndefinition.md (with textColumn, numberColumn, booleanColumn, dateTimeColumn, choiceColumn) and listitem.md.
 */
export const COLUMN_KINDS = ['text', 'number', 'boolean', 'dateTime', 'choice'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface Column {
  id: string;
  name: string;
  displayName: string;
  description: string;
  enforceUniqueValues: boolean;
  hidden: boolean;
  indexed: boolean;
  readOnly: boolean;
  required: boolean;
  kind: ColumnKind;
  facet: Record<string, unknown>;
}

export interface Item {
  id: number;
  version: number;
  created: string;
  modified: string;
  values: Record<string, unknown>;
}

export interface SpList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  created: string;
  modified: string;
  version: number;
  columns: Column[];
  items: Map<number, Item>;
  nextItemId: number;
}

/** Documented defaults of each column type facet (the list-list-columns.md example shows the textColumn ones). */
const FACET_DEFAULTS: Record<ColumnKind, Record<string, unknown>> = {
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  number: { decimalPlaces: 'automatic', displayAs: 'number' },
  boolean: {},
  dateTime: { displayAs: 'default', format: 'dateTime' },
  choice: { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu' },
};

const facetSchema = z.record(z.string(), z.unknown()).optional();
export const columnInputSchema = z.looseObject({
  name: z.string().min(1),
  displayName: z.string().optional(),
  description: z.string().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
  indexed: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  required: z.boolean().optional(),
  text: facetSchema,
  number: facetSchema,
  boolean: facetSchema,
  dateTime: facetSchema,
  choice: facetSchema,
});

export function makeColumn(input: z.infer<typeof columnInputSchema>, listId: string): Column {
  const kinds = COLUMN_KINDS.filter((k) => input[k] !== undefined);
  if (kinds.length !== 1)
    throw new GraphError(400, 'invalidRequest', `Column '${input.name}' must have exactly one type facet.`);
  const kind = kinds[0]!;
  const given = input[kind];
  return {
    id: stableGuid(`column/${listId}/${input.name}`),
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    enforceUniqueValues: input.enforceUniqueValues ?? false,
    hidden: input.hidden ?? false,
    indexed: input.indexed ?? false,
    readOnly: input.readOnly ?? false,
    required: input.required ?? false,
    kind,
    facet: { ...FACET_DEFAULTS[kind], ...(isRecord(given) ? given : {}) },
  };
}

/** Columns every genericList has: Title, and the read-only Created and Modified. */
export function templateColumns(listId: string): Column[] {
  return [
    makeColumn({ name: 'Title', text: {} }, listId),
    makeColumn({ name: 'Modified', readOnly: true, dateTime: {} }, listId),
    makeColumn({ name: 'Created', readOnly: true, dateTime: {} }, listId),
  ];
}

export const renderColumn = (c: Column): Record<string, unknown> => ({
  columnGroup: 'Custom Columns',
  description: c.description,
  displayName: c.displayName,
  enforceUniqueValues: c.enforceUniqueValues,
  hidden: c.hidden,
  id: c.id,
  indexed: c.indexed,
  name: c.name,
  readOnly: c.readOnly,
  required: c.required,
  [c.kind]: c.facet,
});

const invalid = (message: string) => new GraphError(400, 'invalidRequest', message);

/** Checks and normalises one value written to a column, as SharePoint would reject a wrong type. */
function coerce(column: Column, value: unknown): unknown {
  if (value === null) return null;
  const wrongType = () =>
    invalid(`The value of field '${column.name}' is not valid for a ${column.kind} column.`);
  switch (column.kind) {
    case 'text': {
      if (typeof value !== 'string') throw wrongType();
      const maxLength = column.facet.maxLength;
      if (
        column.facet.allowMultipleLines !== true &&
        typeof maxLength === 'number' &&
        value.length > maxLength
      )
        throw invalid(`The value of field '${column.name}' is longer than ${maxLength} characters.`);
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType();
      return value;
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw wrongType();
      return isoSeconds(new Date(value));
    }
    case 'choice': {
      const choices = Array.isArray(column.facet.choices) ? column.facet.choices : [];
      if (typeof value !== 'string') throw wrongType();
      if (column.facet.allowTextEntry !== true && !choices.includes(value))
        throw invalid(`The value '${value}' is not one of the choices of field '${column.name}'.`);
      return value;
    }
  }
}

/** Applies a fieldValueSet: unknown or read-only fields are rejected and nothing is changed. */
export function applyFields(list: SpList, target: Record<string, unknown>, fields: Record<string, unknown>) {
  const next: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('@odata.')) continue;
    const column = list.columns.find((c) => c.name === name);
    if (!column) throw invalid(`Field '${name}' is not recognized`);
    if (column.readOnly) throw invalid(`Field '${name}' is read-only`);
    next[name] = coerce(column, value);
    if (column.enforceUniqueValues && isTaken(list, target, name, next[name])) throw duplicate();
  }
  Object.assign(target, next);
}

/** Another item holds the value (text without regard to case) in a column with enforceUniqueValues. */
function isTaken(list: SpList, target: Record<string, unknown>, name: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  const key = typeof value === 'string' ? value.toLowerCase() : value;
  return [...list.items.values()].some((item) => {
    const other = item.values[name];
    return item.values !== target && (typeof other === 'string' ? other.toLowerCase() : other) === key;
  });
}

/**
 * SharePoint's message for a unique-column violation. The HTTP status Graph maps it to is not
 * documented; 409 is assumed here, and Mamori's store does not depend on it.
 */
const duplicate = () =>
  new GraphError(
    409,
    'conflict',
    'The list item could not be added or updated because duplicate values were found in one or more fields in the list.',
  );

/** Column names usable in $filter without the Prefer header: indexed columns and ID. */
export function isIndexed(list: SpList, name: string): boolean {
  if (name === 'id' || name === 'ID') return true;
  return list.columns.some((c) => c.name === name && c.indexed);
}
