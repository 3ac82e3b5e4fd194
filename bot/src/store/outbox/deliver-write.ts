import { isDeepStrictEqual } from 'node:util';
import type { AuditEventInput } from '../audit';
import { RecordConflictError, StoreError } from '../errors';
import type { MutableRecordKind } from '../record-kind';
import type { RecordStore, StoredRecord } from '../record-store';
import type { QueuedWrite } from './sqlite-outbox';

/**
 * Sends one write to the store so that sending it twice has the effect of sending it once: creates
 * and audit events carry `writeId` as their clientRequestId; an update found already applied is
 * taken as delivered.
 */
export async function deliverWrite(
  store: RecordStore,
  kinds: ReadonlyMap<string, MutableRecordKind>,
  write: QueuedWrite,
  writeId: string,
): Promise<StoredRecord<unknown>> {
  const kindNamed = (name: string) => {
    const kind = kinds.get(name);
    if (!kind) throw new UnknownKindError(name);
    return kind;
  };
  switch (write.operation) {
    case 'appendAudit':
      return store.appendAudit(write.data as AuditEventInput, { clientRequestId: writeId });
    case 'create':
      return store.create(kindNamed(write.kind), write.data, { clientRequestId: writeId });
    case 'update': {
      const kind = kindNamed(write.kind);
      try {
        return await store.update(kind, write.id, write.patch, { etag: write.etag });
      } catch (error) {
        // After an unknown outcome the first attempt may have landed: then the ETag moved on but
        // the record already holds the patch, and applying it again would be a second write.
        if (!(error instanceof RecordConflictError)) throw error;
        const current = await store.get(kind, write.id);
        const data = (current?.data ?? {}) as Record<string, unknown>;
        const applied = Object.entries(write.patch).every(([k, v]) => isDeepStrictEqual(data[k], v));
        if (current && applied) return current;
        throw error;
      }
    }
  }
}

/** A queued write names a kind this process does not know (removed or renamed since it was queued). */
export class UnknownKindError extends StoreError {
  readonly reason = 'validation';
  constructor(kind: string) {
    super(`no record kind "${kind}" is registered with the DurableWriter`);
    this.name = 'UnknownKindError';
  }
}
