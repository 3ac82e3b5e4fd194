import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** A migration runs once, in order, inside a transaction; its index + 1 is the schema version. */
export type Migration = (db: SqliteDatabase) => void;

/** Opens (creating folders as needed) a SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(file: string, migrations: readonly Migration[]): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  migrations.slice(current).forEach((migrate, i) => {
    db.transaction(() => {
      migrate(db);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
  return db;
}
