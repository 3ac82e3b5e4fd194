import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { conversationReferenceKind } from '../../../bot/src/notify/records';
import { describeRecordStoreContract, noteKind } from '../../support/record-store-contract';
import { openDatabase } from '../../../bot/src/store/sqlite/database';
import { migrations } from '../../../bot/src/store/sqlite/migrations';
import { SqliteRecordStore } from '../../../bot/src/store/sqlite/sqlite-record-store';

function tempFile(): { file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-store-'));
  return {
    file: path.join(dir, 'mamori.db'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

describeRecordStoreContract('SqliteRecordStore', () => {
  const { file, remove } = tempFile();
  const store = SqliteRecordStore.open(file);
  return Promise.resolve({
    store,
    cleanup: () => {
      store.close();
      remove();
      return Promise.resolve();
    },
  });
});

describe('SqliteRecordStore on disk', () => {
  let temp: ReturnType<typeof tempFile>;
  beforeEach(() => (temp = tempFile()));
  afterEach(() => temp.remove());

  const note = {
    subject: '持ち出し',
    owner: 'aaaaaaaa-0000-4000-8000-000000000001',
    rank: 1,
    done: false,
    status: 'open',
  } as const;

  it('keeps records and their etags across a reopen of the file', async () => {
    const first = SqliteRecordStore.open(temp.file);
    const created = await first.create(noteKind, note);
    first.close();
    const second = SqliteRecordStore.open(temp.file);
    expect(await second.get(noteKind, created.id)).toEqual(created);
    await expect(
      second.update(noteKind, created.id, { rank: 2 }, { etag: created.etag }),
    ).resolves.toMatchObject({
      data: { rank: 2 },
    });
    second.close();
  });

  it('answers queries on indexed fields from SQL indexes, not scans or sorts of the whole kind', async () => {
    const statements: string[] = [];
    const db = openDatabase(temp.file, migrations);
    // The store's own connection, recording the SQL it prepares.
    const recording = new Proxy(db, {
      get(target, key) {
        if (key === 'prepare') return (sql: string) => (statements.push(sql), target.prepare(sql));
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const spied = new SqliteRecordStore({ database: recording });
    for (let i = 0; i < 3; i++) await spied.create(noteKind, { ...note, rank: i });
    const page = await spied.query(noteKind, { where: { owner: note.owner }, limit: 2 });
    await spied.query(noteKind, { where: { owner: note.owner }, limit: 2, cursor: page.nextCursor });
    const byRank = await spied.query(noteKind, { orderBy: { field: 'rank', direction: 'desc' }, limit: 2 });
    await spied.query(noteKind, {
      orderBy: { field: 'rank', direction: 'desc' },
      limit: 2,
      cursor: byRank.nextCursor,
    });
    const plans = statements
      .filter((sql) => sql.trimStart().startsWith('SELECT') && sql.includes('order_value'))
      .map((sql) => {
        const params = (sql.match(/\?/g) ?? []).map(() => 1);
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
          .map((p) => p.detail)
          .join(' | ');
      });
    db.close();
    expect(plans).toEqual([
      expect.stringMatching(
        /^SEARCH records USING INDEX records_contractNote_owner \(kind=\? AND <expr>=\?\)$/,
      ),
      expect.stringMatching(
        /^SEARCH records USING INDEX records_contractNote_owner \(kind=\? AND <expr>=\? AND seq>\?\)$/,
      ),
      expect.stringMatching(/^SEARCH records USING INDEX records_contractNote_rank \(kind=\?\)$/),
      expect.stringMatching(
        /^SEARCH records USING INDEX records_contractNote_rank \(kind=\? AND <expr><\?\)$/,
      ),
    ]);
  });

  it('refuses, in the database itself, to change or delete an audit event', async () => {
    const store = SqliteRecordStore.open(temp.file);
    await store.appendAudit({
      at: '2026-04-01T00:00:00Z',
      action: 'create',
      subjectKind: 'x',
      subjectId: '1',
    });
    store.close();
    const db = openDatabase(temp.file, migrations);
    expect(() => db.exec(`UPDATE records SET data = '{}' WHERE kind = 'auditEvent'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM records WHERE kind = 'auditEvent'`)).toThrow(/append-only/);
    db.close();
  });

  it('moves conversation references stored before the records table into it', async () => {
    const old = openDatabase(temp.file, migrations.slice(0, 1));
    const reference = {
      conversationId: 'a:personal-1',
      conversationType: 'personal',
      aadObjectId: 'AAAAAAAA-0000-4000-8000-000000000001',
      userId: '29:1',
      tenantId: 't',
      serviceUrl: 'https://smba.example/',
      channelId: 'msteams',
      botId: '28:bot',
      botName: 'Mamori',
      locale: 'ja-JP',
      updatedAt: '2026-04-01T00:00:00.000Z',
    };
    old
      .prepare('INSERT INTO conversation_references VALUES (?, ?, ?, ?, ?)')
      .run(
        reference.conversationId,
        'personal',
        'aaaaaaaa-0000-4000-8000-000000000001',
        JSON.stringify(reference),
        reference.updatedAt,
      );
    old.close();
    const store = SqliteRecordStore.open(temp.file);
    const page = await store.query(conversationReferenceKind, {
      where: { conversationId: 'a:personal-1' },
      limit: 1,
    });
    const { updatedAt, ...rest } = reference;
    expect(page.records[0]?.data).toEqual({
      ...rest,
      aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
      seenAt: updatedAt,
    });
    store.close();
  });
});
