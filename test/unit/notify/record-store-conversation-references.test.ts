import type { StoredConversationReference } from '../../../bot/src/notify/conversation-references';
import { RecordStoreConversationReferences } from '../../../bot/src/notify/record-store-conversation-references';
import { conversationReferenceKind } from '../../../bot/src/notify/records';
import { InMemoryRecordStore } from '../../../bot/src/store/in-memory-record-store';
import type { MutableRecordKind, RecordInput, RecordPatch } from '../../../bot/src/store/record-kind';
import type { CreateOptions, RecordQuery } from '../../../bot/src/store/record-store';

/** Counts the calls that would be Graph requests with SharePoint behind the store. */
class CountingRecordStore extends InMemoryRecordStore {
  writes = 0;
  reads = 0;
  override create<K extends MutableRecordKind>(kind: K, data: RecordInput<K>, options?: CreateOptions) {
    this.writes++;
    return super.create(kind, data, options);
  }
  override update<K extends MutableRecordKind>(
    kind: K,
    id: string,
    patch: RecordPatch<K>,
    o: { etag: string },
  ) {
    this.writes++;
    return super.update(kind, id, patch, o);
  }
  override query<K extends MutableRecordKind>(kind: K, query: RecordQuery<K>) {
    this.reads++;
    return super.query(kind, query);
  }
}

const alice = 'aaaaaaaa-0000-4000-8000-000000000001';
const at = (minutes: number) => new Date(Date.parse('2026-04-01T00:00:00Z') + minutes * 60_000).toISOString();
const reference = (o: Partial<StoredConversationReference> = {}): StoredConversationReference => ({
  conversationId: `a:personal-${alice}`,
  conversationType: 'personal',
  aadObjectId: alice,
  userId: `29:${alice}`,
  tenantId: 'tenant',
  serviceUrl: 'https://smba.trafficmanager.net/jp/',
  channelId: 'msteams',
  botId: '28:bot',
  botName: 'Mamori',
  locale: 'ja-JP',
  updatedAt: at(0),
  ...o,
});

let store: CountingRecordStore;
let references: RecordStoreConversationReferences;
beforeEach(() => {
  store = new CountingRecordStore();
  references = new RecordStoreConversationReferences({ store });
});

describe('RecordStoreConversationReferences', () => {
  it('upserts by conversation id: a changed reference replaces the stored one', async () => {
    await references.save(reference());
    await references.save(
      reference({ serviceUrl: 'https://smba.trafficmanager.net/amer/', updatedAt: at(1) }),
    );
    expect(await references.findByConversationId(`a:personal-${alice}`)).toEqual(
      reference({ serviceUrl: 'https://smba.trafficmanager.net/amer/', updatedAt: at(1) }),
    );
    expect((await store.query(conversationReferenceKind, { limit: 10 })).records).toHaveLength(1);
  });

  it("finds a person's most recent personal chat, whatever the case of the object id", async () => {
    await references.save(reference({ conversationId: 'a:old', updatedAt: at(0) }));
    await references.save(reference({ conversationId: 'a:new', updatedAt: at(5) }));
    await references.save(
      reference({
        conversationId: '19:group',
        conversationType: 'groupChat',
        aadObjectId: null,
        updatedAt: at(9),
      }),
    );
    expect((await references.findPersonal(alice.toUpperCase()))?.conversationId).toBe('a:new');
    expect((await references.latest())?.conversationId).toBe('19:group');
    expect(await references.findPersonal('bbbbbbbb-0000-4000-8000-000000000002')).toBeUndefined();
    expect(await references.findPersonal('not-an-object-id')).toBeUndefined();
  });

  it('skips the write, and the read, for a reference identical apart from a time within the hour', async () => {
    await references.save(reference({ updatedAt: at(0) }));
    const after = { writes: store.writes, reads: store.reads };
    await references.save(reference({ updatedAt: at(10) }));
    await references.save(reference({ updatedAt: at(59) }));
    expect({ writes: store.writes, reads: store.reads }).toEqual(after);
    await references.save(reference({ updatedAt: at(61) }));
    expect(store.writes).toBe(after.writes + 1);
    expect((await references.findByConversationId(`a:personal-${alice}`))?.updatedAt).toBe(at(61));
  });

  it('writes at once when anything but the time changed', async () => {
    await references.save(reference());
    await references.save(reference({ locale: 'en-US', updatedAt: at(1) }));
    expect(store.writes).toBe(2);
    expect((await references.findByConversationId(`a:personal-${alice}`))?.locale).toBe('en-US');
  });

  it('stores one record when saves of a new conversation race', async () => {
    await Promise.all([references.save(reference()), references.save(reference({ locale: 'en-US' }))]);
    const other = new RecordStoreConversationReferences({ store });
    await Promise.all([
      references.save(reference({ conversationId: 'a:2' })),
      other.save(reference({ conversationId: 'a:2', locale: 'en-US', updatedAt: at(1) })),
    ]);
    expect(
      (await store.query(conversationReferenceKind, { limit: 10 })).records
        .map((r) => r.data.conversationId)
        .sort(),
    ).toEqual([`a:personal-${alice}`, 'a:2'].sort());
    expect((await references.findByConversationId('a:2'))?.locale).toBe('en-US');
  });

  it('recovers when another process changed the reference since this one last wrote it', async () => {
    const other = new RecordStoreConversationReferences({ store });
    await references.save(reference());
    await other.save(reference({ locale: 'en-US', updatedAt: at(1) }));
    await references.save(
      reference({ serviceUrl: 'https://smba.trafficmanager.net/amer/', updatedAt: at(2) }),
    );
    expect(await other.findByConversationId(`a:personal-${alice}`)).toEqual(
      reference({ serviceUrl: 'https://smba.trafficmanager.net/amer/', updatedAt: at(2) }),
    );
  });
});

describe('Teams user ids for refresh.userIds', () => {
  it('gives the 29: id a personal chat showed, and the object id for anyone not seen yet', async () => {
    const references = new RecordStoreConversationReferences({ store: new InMemoryRecordStore() });
    const seen = 'a1b2c3d4-0000-4000-8000-000000000001';
    const unseen = 'a1b2c3d4-0000-4000-8000-000000000002';
    await references.save({
      conversationId: 'a:chat-1',
      conversationType: 'personal',
      aadObjectId: seen,
      userId: '29:1abcMRI',
      tenantId: null,
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
      channelId: 'msteams',
      botId: '28:bot',
      botName: 'Mamori',
      locale: 'ja-JP',
      updatedAt: new Date().toISOString(),
    });
    expect(references.teamsUserId(seen)).toBe('29:1abcMRI');
    expect(references.teamsUserId(unseen)).toBe(unseen);
  });
});
