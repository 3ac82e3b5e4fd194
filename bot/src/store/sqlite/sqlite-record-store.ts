import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { systemClock, type Clock } from '../../shared/clock';
import { auditEventKind, type AuditEvent, type AuditEventInput, type AuditQuery } from '../audit';
import { AppendOnlyError, RecordConflictError, RecordNotFoundError, StoreUnavailableError } from '../errors';
import { encodeCursor, planAuditQuery, planQuery, type QueryPlan, type UntypedQuery } from '../query-plan';
import {
  validatePatch,
  validateRecord,
  type MutableRecordKind,
  type RecordData,
  type RecordInput,
  type RecordKind,
  type RecordPatch,
} from '../record-kind';
import type { CreateOptions, RecordPage, RecordQuery, RecordStore, StoredRecord } from '../record-store';
import { openDatabase, type SqliteDatabase } from './database';
import { migrations } from './migrations';
import { indexStatements, recordColumns, selectStatement } from './sqlite-query';

interface Row {
  seq: number;
  id: string;
  etag: string;
  created_at: string;
  updated_at: string;
  data: string;
  order_value?: string | number;
}

const columns = recordColumns;

/** The RecordStore over one SQLite table; indexed fields get partial expression indexes. */
export class SqliteRecordStore implements RecordStore {
  private readonly db: SqliteDatabase;
  private readonly clock: Clock;
  private readonly statements = new Map<string, Statement>();
  private readonly indexedKinds = new Set<string>();

  /** Opens (creating and migrating as needed) the file; `close()` closes it. */
  static open(file: string, options: { clock?: Clock } = {}): SqliteRecordStore {
    return new SqliteRecordStore({ database: openDatabase(file, migrations), ...options });
  }

  /** `database` must have been opened with `migrations` from ./migrations. */
  constructor(options: { database: SqliteDatabase; clock?: Clock }) {
    this.db = options.database;
    this.clock = options.clock ?? systemClock;
  }

  close(): void {
    this.db.close();
  }

  create<K extends MutableRecordKind>(kind: K, data: RecordInput<K>, options: CreateOptions = {}) {
    return this.run(() => this.insert(kind, data, options) as StoredRecord<RecordData<K>>);
  }

  get<K extends MutableRecordKind>(kind: K, id: string) {
    return this.run(() => {
      const row = this.find(kind, id);
      return row ? (toRecord(row) as StoredRecord<RecordData<K>>) : null;
    });
  }

  update<K extends MutableRecordKind>(kind: K, id: string, patch: RecordPatch<K>, options: { etag: string }) {
    return this.run(() => {
      if (kind.appendOnly) throw new AppendOnlyError(kind.name);
      const changes = validatePatch(kind, patch);
      const write = this.db.transaction(() => {
        const row = this.find(kind, id);
        if (!row) throw new RecordNotFoundError(kind.name, id);
        if (row.etag !== options.etag) throw new RecordConflictError(kind.name, id, row.etag);
        const data = validateRecord(kind, { ...(JSON.parse(row.data) as object), ...changes });
        const next = { ...row, etag: randomUUID(), updated_at: this.now(), data: JSON.stringify(data) };
        this.prepare('UPDATE records SET etag = ?, updated_at = ?, data = ? WHERE seq = ?').run(
          next.etag,
          next.updated_at,
          next.data,
          row.seq,
        );
        return toRecord(next) as StoredRecord<RecordData<K>>;
      });
      return write.immediate();
    });
  }

  query<K extends MutableRecordKind>(kind: K, query: RecordQuery<K>) {
    return this.run(
      () => this.select(kind, planQuery(kind, query as UntypedQuery)) as RecordPage<RecordData<K>>,
    );
  }

  appendAudit(event: AuditEventInput, options: CreateOptions = {}) {
    return this.run(() => this.insert(auditEventKind, event, options) as StoredRecord<AuditEvent>);
  }

  queryAudit(query: AuditQuery) {
    return this.run(
      () => this.select(auditEventKind, planAuditQuery(auditEventKind, query)) as RecordPage<AuditEvent>,
    );
  }

  private insert(kind: RecordKind, input: unknown, options: CreateOptions): StoredRecord<unknown> {
    const data = validateRecord(kind, input);
    const clientRequestId = options.clientRequestId ?? null;
    const write = this.db.transaction(() => {
      if (clientRequestId !== null) {
        const previous = this.prepare<Row>(
          `SELECT ${columns} FROM records WHERE kind = ? AND client_request_id = ?`,
        ).get(kind.name, clientRequestId);
        if (previous) return toRecord(previous);
      }
      const now = this.now();
      const row = {
        id: randomUUID(),
        etag: randomUUID(),
        created_at: now,
        updated_at: now,
        data: JSON.stringify(data),
      };
      this.prepare(
        `INSERT INTO records (kind, id, etag, client_request_id, created_at, updated_at, data)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(kind.name, row.id, row.etag, clientRequestId, row.created_at, row.updated_at, row.data);
      return toRecord({ ...row, seq: 0 });
    });
    return write.immediate();
  }

  private find(kind: RecordKind, id: string): Row | undefined {
    return this.prepare<Row>(`SELECT ${columns} FROM records WHERE kind = ? AND id = ?`).get(kind.name, id);
  }

  private select(kind: RecordKind, plan: QueryPlan): RecordPage<unknown> {
    if (!this.indexedKinds.has(kind.name)) {
      for (const statement of indexStatements(kind)) this.db.exec(statement);
      this.indexedKinds.add(kind.name);
    }
    const { sql, params } = selectStatement(kind, plan);
    const rows = this.prepare<Row>(sql).all(...params);
    const page = rows.slice(0, plan.limit);
    const last = page.at(-1);
    const nextCursor =
      last && rows.length > plan.limit ? encodeCursor(plan, last.order_value ?? '', last.seq) : null;
    return { records: page.map(toRecord), nextCursor };
  }

  private prepare<R = unknown>(sql: string): Statement<unknown[], R> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as Statement<unknown[], R>;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Async like a remote store; a locked database is a transient failure, as a 503 would be. */
  private run<T>(operation: () => T): Promise<T> {
    return new Promise((resolve) => {
      try {
        resolve(operation());
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
          throw new StoreUnavailableError('the SQLite database is locked', { cause: error });
        }
        throw error;
      }
    });
  }
}

function toRecord(row: Row): StoredRecord<unknown> {
  return {
    id: row.id,
    etag: row.etag,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    data: JSON.parse(row.data),
  };
}
