import { isDeepStrictEqual } from 'node:util';
import { RecordConflictError } from '../store/errors';
import { validateRecord } from '../store/record-kind';
import type { RecordStore, StoredRecord } from '../store/record-store';
import type { ConversationReferenceStore, StoredConversationReference } from './conversation-references';
import { conversationReferenceKind, type ConversationReferenceRecord } from './records';

export interface RecordStoreConversationReferencesOptions {
  store: RecordStore;
  /** A reference that changed only in time is rewritten at most this often. Default: one hour. */
  refreshAfterMs?: number;
  /** Conversations whose last write is remembered, so an unchanged save costs no read. Default: 10,000. */
  cacheSize?: number;
}

type Known = Pick<StoredRecord<ConversationReferenceRecord>, 'id' | 'etag' | 'data'>;

/**
 * Conversation references as `conversationReference` records. `save` runs on every turn, so a
 * reference identical apart from its time, written within `refreshAfterMs`, is not written again.
 */
export class RecordStoreConversationReferences implements ConversationReferenceStore {
  private readonly store: RecordStore;
  private readonly refreshAfterMs: number;
  private readonly cacheSize: number;
  private readonly known = new Map<string, Known>();
  private readonly saving = new Map<string, Promise<void>>();
  /** Entra object id → Teams user id (MRI), as seen in personal chats since start-up. */
  private readonly userIds = new Map<string, string>();

  constructor(options: RecordStoreConversationReferencesOptions) {
    this.store = options.store;
    this.refreshAfterMs = options.refreshAfterMs ?? 60 * 60_000;
    this.cacheSize = options.cacheSize ?? 10_000;
  }

  /** The person's Teams user id (`29:…`) if a personal chat has shown it; else the object id itself. */
  teamsUserId(aadObjectId: string): string {
    return this.userIds.get(aadObjectId.toLowerCase()) ?? aadObjectId;
  }

  async save(reference: StoredConversationReference): Promise<void> {
    this.rememberUserId(reference);
    const data = validateRecord(conversationReferenceKind, toData(reference));
    const id = data.conversationId;
    // One save at a time per conversation: two turns racing would otherwise both create it.
    const previous = this.saving.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(data));
    this.saving.set(id, next);
    try {
      await next;
    } finally {
      if (this.saving.get(id) === next) this.saving.delete(id);
    }
  }

  private rememberUserId(reference: StoredConversationReference): void {
    const { aadObjectId, userId } = reference;
    // Only a channel account id (29:…) is worth keeping; a chat Mamori opened stores the object id there.
    if (aadObjectId && userId && userId !== aadObjectId && this.userIds.size < this.cacheSize) {
      this.userIds.set(aadObjectId.toLowerCase(), userId);
    }
  }

  async findPersonal(aadObjectId: string): Promise<StoredConversationReference | undefined> {
    const id = conversationReferenceKind.fields.aadObjectId.schema.safeParse(aadObjectId);
    if (!id.success || id.data === null) return undefined; // not an Entra object id: nobody we know
    const page = await this.store.query(conversationReferenceKind, {
      where: { aadObjectId: id.data },
      orderBy: { field: 'seenAt', direction: 'desc' },
      limit: 20,
    });
    const personal = page.records.find((r) => r.data.conversationType === 'personal');
    const found = personal && fromData(personal.data);
    if (found) this.rememberUserId(found);
    return found;
  }

  async findByConversationId(conversationId: string): Promise<StoredConversationReference | undefined> {
    const record = await this.load(conversationId);
    return record && fromData(record.data);
  }

  async latest(): Promise<StoredConversationReference | undefined> {
    const page = await this.store.query(conversationReferenceKind, {
      orderBy: { field: 'seenAt', direction: 'desc' },
      limit: 1,
    });
    const newest = page.records[0];
    return newest && fromData(newest.data);
  }

  private async write(data: ConversationReferenceRecord): Promise<void> {
    let current = this.known.get(data.conversationId) ?? (await this.load(data.conversationId));
    for (let attempt = 1; ; attempt++) {
      if (current && this.isFresh(current.data, data)) return;
      try {
        const record = current
          ? await this.store.update(conversationReferenceKind, current.id, data, { etag: current.etag })
          : await this.store.create(conversationReferenceKind, data, {
              clientRequestId: data.conversationId,
            });
        this.remember(record);
        // A create that found another process's record returns it unchanged: update that one.
        if (current || isDeepStrictEqual(record.data, data)) return;
        current = record;
      } catch (error) {
        if (!(error instanceof RecordConflictError) || attempt >= 3) throw error;
        current = await this.load(data.conversationId);
      }
    }
  }

  private isFresh(stored: ConversationReferenceRecord, incoming: ConversationReferenceRecord): boolean {
    const age = Date.parse(incoming.seenAt) - Date.parse(stored.seenAt);
    return (
      age < this.refreshAfterMs && isDeepStrictEqual({ ...stored, seenAt: '' }, { ...incoming, seenAt: '' })
    );
  }

  private async load(conversationId: string): Promise<Known | undefined> {
    const page = await this.store.query(conversationReferenceKind, { where: { conversationId }, limit: 1 });
    const record = page.records[0];
    if (record) this.remember(record);
    return record;
  }

  private remember({ id, etag, data }: Known): void {
    this.known.delete(data.conversationId);
    this.known.set(data.conversationId, { id, etag, data });
    const oldest = this.known.keys().next();
    if (this.known.size > this.cacheSize && !oldest.done) this.known.delete(oldest.value);
  }
}

function toData(reference: StoredConversationReference) {
  const { updatedAt, ...rest } = reference;
  return { ...rest, seenAt: updatedAt };
}

function fromData(data: ConversationReferenceRecord): StoredConversationReference {
  const { seenAt, ...rest } = data;
  return { ...rest, updatedAt: seenAt };
}
