import type { Migration } from './database';

/** Append only: a released migration never changes. */
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
];
