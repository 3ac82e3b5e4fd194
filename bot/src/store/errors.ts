/**
 * Why a store call failed.
 * - conflict: the ETag given with an update is not the record's current one.
 * - notFound: no record of that kind has that id.
 * - validation: the data does not match the kind's schema.
 * - invalidQuery: a filter or order on a field that is not indexed, a bad limit or cursor.
 * - appendOnly: a change to an append-only kind (audit events) was attempted.
 * - unavailable: the backing service could not be reached or failed (5xx, 429, network, busy);
 *   worth retrying later.
 */
export type StoreErrorReason =
  'conflict' | 'notFound' | 'validation' | 'invalidQuery' | 'appendOnly' | 'unavailable';

export abstract class StoreError extends Error {
  abstract readonly reason: StoreErrorReason;
}

export class RecordConflictError extends StoreError {
  readonly reason = 'conflict';
  constructor(
    readonly kind: string,
    readonly id: string,
    /** The record's ETag now: reload, reapply, retry with it. */
    readonly currentEtag: string,
  ) {
    super(`${kind} ${id} was changed by someone else`);
    this.name = 'RecordConflictError';
  }
}

export class RecordNotFoundError extends StoreError {
  readonly reason = 'notFound';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${id} does not exist`);
    this.name = 'RecordNotFoundError';
  }
}

export interface FieldProblem {
  /** The field's name, or '' for the record as a whole. */
  field: string;
  message: string;
}

export class RecordValidationError extends StoreError {
  readonly reason = 'validation';
  readonly fields: readonly string[];
  constructor(
    readonly kind: string,
    readonly problems: readonly FieldProblem[],
  ) {
    super(`invalid ${kind}: ${problems.map((p) => `${p.field || '(record)'}: ${p.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
    this.fields = [...new Set(problems.map((p) => p.field))];
  }
}

export class RecordQueryError extends StoreError {
  readonly reason = 'invalidQuery';
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(`invalid query on ${kind}: ${message}`);
    this.name = 'RecordQueryError';
  }
}

export class AppendOnlyError extends StoreError {
  readonly reason = 'appendOnly';
  constructor(readonly kind: string) {
    super(`${kind} records are append-only`);
    this.name = 'AppendOnlyError';
  }
}

/** Transient: the write or read may succeed later. Adapters map 5xx, 429, timeouts and network errors here. */
export class StoreUnavailableError extends StoreError {
  readonly reason = 'unavailable';
  /** How long the service asked us to wait (429/503 Retry-After), when it said. */
  readonly retryAfterMs: number | null;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreUnavailableError';
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
}
