import { z } from 'zod';

/** Column types, chosen so each maps to one SharePoint column type and one JSON value type. */
export type FieldType = 'text' | 'number' | 'boolean' | 'dateTime' | 'choice' | 'personId' | 'json';

/** One field of a record kind: its validation and the column it becomes. */
export interface Field<
  T extends FieldType = FieldType,
  S extends z.ZodType = z.ZodType,
  I extends boolean = boolean,
  R extends boolean = boolean,
> {
  readonly type: T;
  readonly schema: S;
  readonly indexed: I;
  readonly required: R;
  /** Text only: longer than 255 becomes multi-line text in SharePoint, which cannot be indexed. */
  readonly maxLength: number | null;
  /** Choice only. */
  readonly choices: readonly string[] | null;
}

/** The longest text SharePoint can index (a single line of text column). */
export const MAX_INDEXED_TEXT = 255;

interface FieldOptions {
  /** Default true. An optional field holds null when absent. */
  required?: boolean;
  /** Default false. Only indexed fields can be filtered and ordered on. */
  indexed?: boolean;
}

type Optional<S extends z.ZodType> = z.ZodDefault<z.ZodNullable<S>>;
type Built<T extends FieldType, S extends z.ZodType, O> = Field<
  T,
  O extends { required: false } ? Optional<S> : S,
  O extends { indexed: true } ? true : false,
  O extends { required: false } ? false : true
>;

function build<T extends FieldType, S extends z.ZodType, O extends FieldOptions>(
  type: T,
  base: S,
  options: O | undefined,
  extra: { maxLength?: number; choices?: readonly string[] } = {},
): Built<T, S, O> {
  const required = options?.required ?? true;
  const built: Field = {
    type,
    schema: required ? base : base.nullable().default(null),
    indexed: options?.indexed ?? false,
    required,
    maxLength: extra.maxLength ?? null,
    choices: extra.choices ?? null,
  };
  // The conditional types above describe exactly what the two branches build.
  return built as Built<T, S, O>;
}

const text = <const O extends FieldOptions & { maxLength?: number }>(options?: O) => {
  const maxLength = options?.maxLength ?? MAX_INDEXED_TEXT;
  if (options?.indexed && maxLength > MAX_INDEXED_TEXT) {
    throw new Error(`an indexed text field holds at most ${MAX_INDEXED_TEXT} characters, not ${maxLength}`);
  }
  const base = options?.required === false ? z.string().max(maxLength) : z.string().min(1).max(maxLength);
  return build('text', base, options, { maxLength });
};

/** ISO 8601 with an offset in, UTC with milliseconds out: stored values then sort as strings. */
const isoDateTime = () =>
  z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/** An Entra object id, lower-cased so lookups do not depend on how a caller spelled it. */
const objectId = () => z.guid().transform((value) => value.toLowerCase());

/** Field builders for `defineRecordKind`. */
export const field = {
  text,
  number: <const O extends FieldOptions>(options?: O) => build('number', z.number(), options),
  boolean: <const O extends FieldOptions>(options?: O) => build('boolean', z.boolean(), options),
  dateTime: <const O extends FieldOptions>(options?: O) => build('dateTime', isoDateTime(), options),
  choice: <const C extends readonly [string, ...string[]], const O extends FieldOptions>(
    choices: C,
    options?: O,
  ) => build('choice', z.enum(choices), options, { choices }),
  personId: <const O extends FieldOptions>(options?: O) => build('personId', objectId(), options),
  /** Any JSON value, stored as multi-line text: never indexed. */
  json: <const O extends { required?: boolean }>(options?: O) => build('json', z.json(), options),
};
