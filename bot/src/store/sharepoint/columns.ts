import { MAX_INDEXED_TEXT } from '../field';
import type { Column, RecordKind } from '../record-kind';
import { CLIENT_REQUEST_ID_COLUMN, internalNames } from './names';

/** The column types a Graph `columnDefinition` carries one facet of (columndefinition.md). */
export type ColumnFacet = 'text' | 'number' | 'boolean' | 'dateTime' | 'choice';

/** A list column as Mamori wants it; `body` is what `POST .../columns` (or a new list's `columns`) is sent. */
export interface ColumnSpec {
  name: string;
  facet: ColumnFacet;
  indexed: boolean;
  /** Only checked on what we create: SharePoint's own validation stays loose, zod is the schema. */
  body: Record<string, unknown>;
}

/** Multi-line plain text (no rich-text HTML wrapping), which SharePoint cannot index. */
const multiLine = { allowMultipleLines: true, textType: 'plain', appendChangesToExistingText: false };

/**
 * text → single line of `maxLength` (≤ 255) or multi-line; personId → text of 36 (an Entra object id);
 * json → multi-line text; the others map one to one. No column is `required` in SharePoint: records
 * are validated by the kind's schema, and optional columns can be added to lists that hold items.
 */
function facetOf(column: Column): { facet: ColumnFacet; settings: Record<string, unknown> } {
  switch (column.type) {
    case 'text': {
      const maxLength = column.maxLength ?? MAX_INDEXED_TEXT;
      return maxLength > MAX_INDEXED_TEXT
        ? { facet: 'text', settings: multiLine }
        : { facet: 'text', settings: { allowMultipleLines: false, maxLength } };
    }
    case 'personId':
      return { facet: 'text', settings: { allowMultipleLines: false, maxLength: 36 } };
    case 'json':
      return { facet: 'text', settings: multiLine };
    case 'number':
      return { facet: 'number', settings: {} };
    case 'boolean':
      return { facet: 'boolean', settings: {} };
    case 'dateTime':
      return { facet: 'dateTime', settings: { format: 'dateTime' } };
    case 'choice':
      return {
        facet: 'choice',
        settings: { choices: [...(column.choices ?? [])], allowTextEntry: false, displayAs: 'dropDownMenu' },
      };
  }
}

/** Every column the kind's list needs, the hidden idempotency column last. */
export function columnSpecs(kind: RecordKind): ColumnSpec[] {
  const names = internalNames(kind);
  const specs = kind.columns.map((column): ColumnSpec => {
    const name = names.get(column.name) ?? column.name;
    const { facet, settings } = facetOf(column);
    return {
      name,
      facet,
      indexed: column.indexed,
      body: {
        name,
        displayName: column.name,
        description: `Mamori ${kind.name}.${column.name}`,
        indexed: column.indexed,
        required: false,
        [facet]: settings,
      },
    };
  });
  specs.push({
    name: CLIENT_REQUEST_ID_COLUMN,
    facet: 'text',
    indexed: true,
    body: {
      name: CLIENT_REQUEST_ID_COLUMN,
      displayName: 'Mamori client request id',
      description: 'Idempotency key of the write that created the item',
      indexed: true,
      enforceUniqueValues: true,
      hidden: true,
      required: false,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
  });
  return specs;
}

/** Built-in columns Mamori sorts on, so they must be indexed: Modified (the record's updatedAt). */
export const INDEXED_BUILT_INS: readonly string[] = ['Modified'];

/** Choices a choice column lacks (a kind may add values; removing one is left to a person). */
export function missingChoices(spec: ColumnSpec, existing: Record<string, unknown>): string[] {
  if (spec.facet !== 'choice') return [];
  const wanted = (spec.body.choice as { choices: string[] }).choices;
  const facet = existing.choice as { choices?: unknown } | undefined;
  const have = Array.isArray(facet?.choices) ? facet.choices : [];
  return wanted.filter((c) => !have.includes(c));
}
