import type { Migration } from './database';

/**
 * Append only: a released migration never changes. Record kinds need no migration of their own:
 * every kind lives in `records`, and SqliteRecordStore creates each indexed field's expression
 * index (`CREATE INDEX IF NOT EXISTS`) the first time it uses the kind.
 */
export const migrations: readonly Migration[] = [
  (db) =>
    db.exec(`
      CREATE TABLE conversation_references (
        conversation_id TEXT PRIMARY KEY,
        conversation_type TEXT NOT NULL,
        aad_object_id TEXT,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversation_references_user ON conversation_references (aad_object_id, conversation_type);
      CREATE INDEX conversation_references_updated ON conversation_references (updated_at);
    `),
  // Every record kind in one table; conversation references move in as the conversationReference kind.
  (db) =>
    db.exec(`
      CREATE TABLE records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        etag TEXT NOT NULL,
        client_request_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
      );
      CREATE UNIQUE INDEX records_id ON records (kind, id);
      CREATE UNIQUE INDEX records_client_request ON records (kind, client_request_id)
        WHERE client_request_id IS NOT NULL;
      CREATE INDEX records_kind ON records (kind, seq);
      CREATE INDEX records_updated ON records (kind, updated_at, seq);
      CREATE TRIGGER records_audit_no_update BEFORE UPDATE ON records WHEN old.kind = 'auditEvent'
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER records_audit_no_delete BEFORE DELETE ON records WHEN old.kind = 'auditEvent'
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      INSERT INTO records (kind, id, etag, created_at, updated_at, data)
        SELECT 'conversationReference', lower(hex(randomblob(16))), lower(hex(randomblob(16))),
          updated_at, updated_at,
          json_set(json_remove(json, '$.updatedAt'), '$.seenAt', updated_at, '$.aadObjectId', lower(aad_object_id))
        FROM conversation_references ORDER BY updated_at;
      DROP TABLE conversation_references;
    `),
];
