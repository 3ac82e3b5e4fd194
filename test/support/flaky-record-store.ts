import type { AuditEventInput, AuditQuery } from '../../bot/src/store/audit';
import { StoreUnavailableError } from '../../bot/src/store/errors';
import { InMemoryRecordStore } from '../../bot/src/store/in-memory-record-store';
import type { MutableRecordKind, RecordInput, RecordPatch } from '../../bot/src/store/record-kind';
import type { CreateOptions, RecordQuery, RecordStore } from '../../bot/src/store/record-store';
import type { Clock } from '../../bot/src/shared/clock';

/**
 * A RecordStore whose writes fail like SharePoint's do: during an `outage` every write is refused
 * as unavailable; with `lostResponses` a write is applied but its caller hears "unavailable" (a 504
 * after the commit). Reads always work, so tests can look at what really got stored.
 */
export class FlakyRecordStore implements RecordStore {
  readonly inner: InMemoryRecordStore;
  outage = false;
  lostResponses = 0;
  /** Writes that reached the inner store, including retries it deduplicated. */
  writeCalls = 0;

  constructor(options: { clock?: Clock } = {}) {
    this.inner = new InMemoryRecordStore(options);
  }

  create<K extends MutableRecordKind>(kind: K, data: RecordInput<K>, options?: CreateOptions) {
    return this.write(() => this.inner.create(kind, data, options));
  }
  get<K extends MutableRecordKind>(kind: K, id: string) {
    return this.inner.get(kind, id);
  }
  update<K extends MutableRecordKind>(kind: K, id: string, patch: RecordPatch<K>, options: { etag: string }) {
    return this.write(() => this.inner.update(kind, id, patch, options));
  }
  query<K extends MutableRecordKind>(kind: K, query: RecordQuery<K>) {
    return this.inner.query(kind, query);
  }
  appendAudit(event: AuditEventInput, options?: CreateOptions) {
    return this.write(() => this.inner.appendAudit(event, options));
  }
  queryAudit(query: AuditQuery) {
    return this.inner.queryAudit(query);
  }

  private async write<T>(operation: () => Promise<T>): Promise<T> {
    if (this.outage) throw new StoreUnavailableError('simulated outage: 503');
    this.writeCalls++;
    const result = await operation();
    if (this.lostResponses > 0) {
      this.lostResponses--;
      throw new StoreUnavailableError('simulated lost response: 504 after the write');
    }
    return result;
  }
}
