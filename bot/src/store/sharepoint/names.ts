import { createHash } from 'node:crypto';
import type { RecordKind } from '../record-kind';

/**
 * SharePoint internal column names for a kind's fields. Field names are already ASCII camelCase
 * (`defineRecordKind` checks), so most are kept as they are; SharePoint adds two limits: an internal
 * name is at most 32 characters, and must not equal (ignoring case) a field every list already has.
 */
export const MAX_INTERNAL_NAME = 32;

/** The hidden, indexed, unique column holding each item's idempotency key (`CreateOptions.clientRequestId`). */
export const CLIENT_REQUEST_ID_COLUMN = 'clientRequestId';

/** The built-in (mostly hidden) fields of a SharePoint custom list, lower-cased. */
const BUILT_IN = new Set(
  [
    'ID',
    'Title',
    'ContentType',
    'ContentTypeId',
    'Created',
    'Modified',
    'Author',
    'Editor',
    'Attachments',
    'Edit',
    'LinkTitle',
    'LinkTitleNoMenu',
    'LinkTitle2',
    'SelectTitle',
    'DocIcon',
    'Order',
    'GUID',
    'UniqueId',
    'FileRef',
    'FileDirRef',
    'FileLeafRef',
    'FSObjType',
    'ItemChildCount',
    'FolderChildCount',
    'PermMask',
    'ProgId',
    'ScopeId',
    'MetaInfo',
    'Restricted',
    'OriginatorId',
    'NoExecute',
    'ContentVersion',
    'InstanceID',
    'WorkflowVersion',
    'WorkflowInstanceID',
    'ServerUrl',
    'EncodedAbsUrl',
    'BaseName',
    'SortBehavior',
    'SyncClientId',
    'AppAuthor',
    'AppEditor',
    'ComplianceAssetId',
    'AccessPolicy',
    'Path',
    'Type',
    'owshiddenversion',
    'Version',
    CLIENT_REQUEST_ID_COLUMN,
  ].map((n) => n.toLowerCase()),
);

const safePattern = /^[A-Za-z][A-Za-z0-9]*$/;

/** One field's internal name: the field name, else a prefixed and/or shortened one with a hash suffix. */
export function internalNameFor(fieldName: string): string {
  if (!safePattern.test(fieldName)) throw new Error(`"${fieldName}" is not an ASCII field name`);
  const clashes = BUILT_IN.has(fieldName.toLowerCase());
  const name = clashes ? `mamori${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}` : fieldName;
  if (name.length <= MAX_INTERNAL_NAME) return name;
  const hash = createHash('sha256').update(fieldName).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_INTERNAL_NAME - hash.length - 1)}_${hash}`;
}

const cache = new WeakMap<RecordKind, ReadonlyMap<string, string>>();

/** Field name → internal name for every field of the kind; throws if two would share one (ignoring case). */
export function internalNames(kind: RecordKind): ReadonlyMap<string, string> {
  const known = cache.get(kind);
  if (known) return known;
  const names = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const column of kind.columns) {
    const internal = internalNameFor(column.name);
    const other = taken.get(internal.toLowerCase());
    if (other !== undefined)
      throw new Error(`${kind.name}: fields "${other}" and "${column.name}" map to one SharePoint column`);
    taken.set(internal.toLowerCase(), column.name);
    names.set(column.name, internal);
  }
  cache.set(kind, names);
  return names;
}

/** The internal name of one field of the kind. */
export function columnName(kind: RecordKind, fieldName: string): string {
  const name = internalNames(kind).get(fieldName);
  if (name === undefined) throw new Error(`${kind.name} has no field "${fieldName}"`);
  return name;
}
