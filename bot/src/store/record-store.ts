import type { AuditEvent, AuditEventInput, AuditQuery } from './audit';
import type {
  MutableRecordKind,
  OrderField,
  RecordData,
  RecordInput,
  RecordPatch,
  RecordWhere,
} from './record-kind';

/** A record with its envelope. `id` and `etag` are opaque strings (SharePoint item ids and ETags). */
export interface StoredRecord<T> {
  id: string;
  etag: string;
  /** ISO 8601 UTC, set by the store. */
  createdAt: string;
  updatedAt: string;
  data: T;
}

export interface CreateOptions {
  /**
   * Idempotency key: a create with a key already used for this kind returns the record created
   * with it and writes nothing. Lets a retry after an unknown outcome (timeout, 504) not duplicate.
   */
  clientRequestId?: string;
}

/** The largest page a query may ask for. */
export const MAX_PAGE_SIZE = 500;

export interface RecordQuery<K extends MutableRecordKind> {
  where?: RecordWhere<K>;
  /** Default: createdAt ascending, which is creation order; ties on a field are broken by creation order. */
  orderBy?: { field: OrderField<K>; direction?: 'asc' | 'desc' };
  /** 1 to MAX_PAGE_SIZE. */
  limit: number;
  /** The `nextCursor` of the previous page of the same query. */
  cursor?: string | null;
}

export interface RecordPage<T> {
  records: StoredRecord<T>[];
  /** Null on the last page. Opaque; valid only for the query that returned it. */
  nextCursor: string | null;
}

/**
 * Every record kind's storage, over SQLite or SharePoint lists. Writes validate against the kind's
 * schema (RecordValidationError); updates are conditional on the ETag (RecordConflictError);
 * transient failures are StoreUnavailableError. Audit events can be appended and read, nothing more.
 */
export interface RecordStore {
  create<K extends MutableRecordKind>(
    kind: K,
    data: RecordInput<K>,
    options?: CreateOptions,
  ): Promise<StoredRecord<RecordData<K>>>;
  /** Null when no record of that kind has the id. */
  get<K extends MutableRecordKind>(kind: K, id: string): Promise<StoredRecord<RecordData<K>> | null>;
  /** Applies the patch if `etag` is still current; RecordNotFoundError when absent. */
  update<K extends MutableRecordKind>(
    kind: K,
    id: string,
    patch: RecordPatch<K>,
    options: { etag: string },
  ): Promise<StoredRecord<RecordData<K>>>;
  query<K extends MutableRecordKind>(kind: K, query: RecordQuery<K>): Promise<RecordPage<RecordData<K>>>;
  appendAudit(event: AuditEventInput, options?: CreateOptions): Promise<StoredRecord<AuditEvent>>;
  queryAudit(query: AuditQuery): Promise<RecordPage<AuditEvent>>;
}
