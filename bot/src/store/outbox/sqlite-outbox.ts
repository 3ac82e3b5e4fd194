import { z } from 'zod';
import { openDatabase, type Migration, type SqliteDatabase } from '../sqlite/database';

/** A write waiting for the store, with its data already validated and normalised. */
export type QueuedWrite =
  | { operation: 'create'; kind: string; data: Record<string, unknown> }
  | { operation: 'update'; kind: string; id: string; etag: string; patch: Record<string, unknown> }
  | { operation: 'appendAudit'; data: Record<string, unknown> };

export interface OutboxEntry {
  /** Client-generated; also the idempotency key the write is delivered with. */
  writeId: string;
  write: QueuedWrite;
  queuedAt: string;
  /** Delivery attempts so far, counting the direct one that failed before queueing. */
  attempts: number;
}

const data = z.record(z.string(), z.unknown());
const writeSchema = z.discriminatedUnion('operation', [
  z.object({ operation: z.literal('create'), kind: z.string(), data }),
  z.object({
    operation: z.literal('update'),
    kind: z.string(),
    id: z.string(),
    etag: z.string(),
    patch: data,
  }),
  z.object({ operation: z.literal('appendAudit'), data }),
]);

/** Append only: a released migration never changes. */
const outboxMigrations: readonly Migration[] = [
  (db) =>
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        write_id TEXT NOT NULL UNIQUE,
        write TEXT NOT NULL CHECK (json_valid(write)),
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        failed_reason TEXT,
        failed_at TEXT
      );
      CREATE INDEX outbox_pending ON outbox (seq) WHERE failed_reason IS NULL;
    `),
];

interface Row {
  write_id: string;
  write: string;
  queued_at: string;
  attempts: number;
}

/**
 * Writes the store could not take yet, in a SQLite file of their own, in arrival order. Entries
 * leave when delivered; an entry the store refuses for good stays, marked failed, for a person to see.
 */
export class SqliteOutbox {
  private constructor(private readonly db: SqliteDatabase) {}

  static open(file: string): SqliteOutbox {
    const db = openDatabase(file, outboxMigrations);
    // A user was told "received": the entry must survive a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    return new SqliteOutbox(db);
  }

  close(): void {
    this.db.close();
  }

  enqueue(entry: OutboxEntry): void {
    this.db
      .prepare('INSERT INTO outbox (write_id, write, queued_at, attempts) VALUES (?, ?, ?, ?)')
      .run(entry.writeId, JSON.stringify(entry.write), entry.queuedAt, entry.attempts);
  }

  /** The oldest pending entry. */
  next(): OutboxEntry | undefined {
    const row = this.db
      .prepare<[], Row>(
        'SELECT write_id, write, queued_at, attempts FROM outbox WHERE failed_reason IS NULL ORDER BY seq LIMIT 1',
      )
      .get();
    return row && toEntry(row);
  }

  pendingCount(): number {
    return (
      this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE failed_reason IS NULL').get()
        ?.n ?? 0
    );
  }

  recordAttempt(writeId: string): void {
    this.db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE write_id = ?').run(writeId);
  }

  /** Delivered: gone for good. */
  remove(writeId: string): void {
    this.db.prepare('DELETE FROM outbox WHERE write_id = ?').run(writeId);
  }

  markFailed(writeId: string, reason: string, at: string): void {
    this.db
      .prepare('UPDATE outbox SET failed_reason = ?, failed_at = ? WHERE write_id = ?')
      .run(reason, at, writeId);
  }

  failed(): (OutboxEntry & { reason: string })[] {
    return this.db
      .prepare<[], Row & { failed_reason: string }>(
        'SELECT write_id, write, queued_at, attempts, failed_reason FROM outbox WHERE failed_reason IS NOT NULL ORDER BY seq',
      )
      .all()
      .map((row) => ({ ...toEntry(row), reason: row.failed_reason }));
  }
}

function toEntry(row: Row): OutboxEntry {
  return {
    writeId: row.write_id,
    write: writeSchema.parse(JSON.parse(row.write)),
    queuedAt: row.queued_at,
    attempts: row.attempts,
  };
}
