import { z } from 'zod';
import { RecordValidationError } from './errors';
import type { Field, FieldType } from './field';

export type Fields = Readonly<Record<string, Field>>;

/** A column as the adapters create it: SQLite indexes, SharePoint list columns. */
export interface Column {
  name: string;
  type: FieldType;
  required: boolean;
  indexed: boolean;
  maxLength: number | null;
  choices: readonly string[] | null;
}

type Shape<F extends Fields> = { [N in keyof F]: F[N]['schema'] };
/** The record's data as stored and read back: optional fields are present and null when absent. */
export type FieldsData<F extends Fields> = z.output<z.ZodObject<Shape<F>>>;
/** What a caller passes to create: optional fields may be left out. */
export type FieldsInput<F extends Fields> = z.input<z.ZodObject<Shape<F>>>;

/**
 * A kind of record: one SQLite table's worth of rows, one SharePoint list. `A` marks append-only
 * kinds (audit events), which the generic create/update API refuses at compile time.
 */
export interface RecordKind<F extends Fields = Fields, A extends boolean = boolean> {
  readonly name: string;
  readonly listTitle: string;
  readonly appendOnly: A;
  readonly fields: F;
  readonly columns: readonly Column[];
  readonly schema: z.ZodType<FieldsData<F>, FieldsInput<F>>;
}

/** Any kind the generic create/get/update/query API accepts. */
export type MutableRecordKind<F extends Fields = Fields> = RecordKind<F, false>;

export type RecordData<K extends RecordKind> = K extends RecordKind<infer F> ? FieldsData<F> : never;
export type RecordInput<K extends RecordKind> = K extends RecordKind<infer F> ? FieldsInput<F> : never;
/** An update: the fields to change; undefined means "leave as is", null clears an optional field. */
export type RecordPatch<K extends RecordKind> = Partial<RecordInput<K>>;

type FieldsOf<K extends RecordKind> = K extends RecordKind<infer F> ? F : never;
export type IndexedField<K extends RecordKind> = {
  [N in keyof FieldsOf<K> & string]: FieldsOf<K>[N]['indexed'] extends true ? N : never;
}[keyof FieldsOf<K> & string];
/** Order by a required indexed field (keyset paging needs a value on every record) or a system time. */
export type OrderField<K extends RecordKind> =
  | 'createdAt'
  | 'updatedAt'
  | {
      [N in IndexedField<K>]: FieldsOf<K>[N]['required'] extends true ? N : never;
    }[IndexedField<K>];
/** Equality filters, ANDed; only indexed fields. */
export type RecordWhere<K extends RecordKind> = {
  [N in IndexedField<K>]?: z.input<FieldsOf<K>[N]['schema']>;
};

const namePattern = /^[a-z][A-Za-z0-9]{0,63}$/;
/** Names the record envelope or SharePoint's built-in columns already use. */
const reserved = new Set(
  [
    'id',
    'etag',
    'createdAt',
    'updatedAt',
    'clientRequestId',
    'title',
    'created',
    'modified',
    'author',
    'editor',
  ]
    .concat(['contentType', 'attachments', 'version'])
    .map((n) => n.toLowerCase()),
);

/** Declares a record kind once: its zod schema (validation, TS type) and its columns come from `fields`. */
export function defineRecordKind<const F extends Fields, const A extends boolean = false>(definition: {
  name: string;
  listTitle: string;
  fields: F;
  appendOnly?: A;
}): RecordKind<F, A> {
  const { name, listTitle, fields } = definition;
  if (!namePattern.test(name))
    throw new Error(`record kind name "${name}" must be camelCase letters and digits`);
  const columns = Object.entries(fields).map(([fieldName, f]): Column => {
    if (!namePattern.test(fieldName) || reserved.has(fieldName.toLowerCase())) {
      throw new Error(`${name}: "${fieldName}" cannot be a field name`);
    }
    const { type, required, indexed, maxLength, choices } = f;
    return { name: fieldName, type, required, indexed, maxLength, choices };
  });
  const shape = Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, f.schema]));
  return {
    name,
    listTitle,
    appendOnly: (definition.appendOnly ?? false) as A,
    fields,
    columns,
    schema: z.object(shape) as z.ZodType as RecordKind<F, A>['schema'],
  };
}

/** Parses a whole record's data, naming every bad field. */
export function validateRecord<K extends RecordKind>(kind: K, data: unknown): RecordData<K> {
  const result = kind.schema.safeParse(data);
  if (!result.success) throw validationError(kind.name, result.error);
  return result.data as RecordData<K>;
}

/** Parses the fields a patch sets (undefined ones are dropped), naming every bad or unknown field. */
export function validatePatch(kind: RecordKind, patch: object): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const f = kind.fields[name];
    if (!f) {
      problems.push({ field: name, message: 'no such field' });
      continue;
    }
    const result = f.schema.safeParse(value);
    if (result.success) parsed[name] = result.data;
    else problems.push(...issuesOf(result.error).map((i) => ({ field: name, message: i.message })));
  }
  if (problems.length > 0) throw new RecordValidationError(kind.name, problems);
  return parsed;
}

export function validationError(kind: string, error: z.ZodError): RecordValidationError {
  return new RecordValidationError(kind, issuesOf(error));
}

function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}
