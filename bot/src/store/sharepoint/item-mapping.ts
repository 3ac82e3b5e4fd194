import { z } from 'zod';
import { GraphError } from '../../graph/graph-error';
import { validateRecord, type RecordKind } from '../record-kind';
import type { StoredRecord } from '../record-store';
import { CLIENT_REQUEST_ID_COLUMN, internalNames } from './names';

/**
 * Records ↔ list items. The envelope comes from the item (id, eTag, createdDateTime,
 * lastModifiedDateTime), the data from `fields` under the kind's internal column names: json as
 * multi-line text, dateTime as ISO 8601 (SharePoint keeps whole seconds), personId as the object id.
 */

/** A `fieldValueSet` to send: every given field, `null` clearing one (PATCH) or left out (create). */
export function toFields(
  kind: RecordKind,
  data: Record<string, unknown>,
  options: { omitNulls: boolean },
): Record<string, unknown> {
  const names = internalNames(kind);
  const fields: Record<string, unknown> = {};
  for (const column of kind.columns) {
    if (!(column.name in data)) continue;
    const value = data[column.name];
    if (value === undefined || (value === null && options.omitNulls)) continue;
    const name = names.get(column.name) ?? column.name;
    fields[name] = column.type === 'json' && value !== null ? JSON.stringify(value) : value;
  }
  return fields;
}

/** The fields of a new item: the record's, its idempotency key, and a Title (the list's default view shows it). */
export function newItemFields(
  kind: RecordKind,
  data: Record<string, unknown>,
  clientRequestId: string,
): Record<string, unknown> {
  return {
    Title: clientRequestId,
    ...toFields(kind, data, { omitNulls: true }),
    [CLIENT_REQUEST_ID_COLUMN]: clientRequestId,
  };
}

const fieldValues = z.record(z.string(), z.unknown());

const listItem = z.object({
  id: z.string().min(1),
  eTag: z.string().min(1),
  createdDateTime: z.string(),
  lastModifiedDateTime: z.string(),
  fields: fieldValues,
});

/** `PATCH .../items/{id}/fields` answers with the fieldValueSet alone: the envelope is in it too. */
const fieldValueSet = z.looseObject({
  '@odata.etag': z.string().min(1),
  id: z.string().min(1),
  Created: z.string(),
  Modified: z.string(),
});

export function recordFromItem(kind: RecordKind, body: unknown): StoredRecord<unknown> {
  const item = parse(listItem, body, 'a list item with fields');
  return record(kind, item.id, item.eTag, item.createdDateTime, item.lastModifiedDateTime, item.fields);
}

export function recordFromFieldValueSet(kind: RecordKind, body: unknown): StoredRecord<unknown> {
  const fields = parse(fieldValueSet, body, 'a fieldValueSet');
  return record(kind, fields.id, fields['@odata.etag'], fields.Created, fields.Modified, fields);
}

function record(
  kind: RecordKind,
  id: string,
  etag: string,
  created: string,
  modified: string,
  fields: Record<string, unknown>,
): StoredRecord<unknown> {
  const names = internalNames(kind);
  const data: Record<string, unknown> = {};
  for (const column of kind.columns) {
    const value = fields[names.get(column.name) ?? column.name] ?? null;
    data[column.name] = column.type === 'json' && typeof value === 'string' ? parseJson(value) : value;
  }
  // Normalises as a write would (times to UTC with milliseconds, object ids lower-cased); data a
  // person broke by editing the list in SharePoint is reported as a RecordValidationError.
  return { id, etag, createdAt: iso(created), updatedAt: iso(modified), data: validateRecord(kind, data) };
}

function iso(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid(`a time "${value}" that is not ISO 8601`);
  return new Date(time).toISOString();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // left for the schema to report: z.json() accepts any string, so it is kept as text
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(`something other than ${what}`);
  return parsed.data;
}

function invalid(what: string): GraphError {
  return new GraphError({
    reason: 'invalidResponse',
    status: 200,
    message: `SharePoint returned ${what}`,
  });
}
