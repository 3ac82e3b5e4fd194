import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../shared/clock';
import { auditEventKind, type AuditEvent, type AuditEventInput, type AuditQuery } from './audit';
import { AppendOnlyError, RecordConflictError, RecordNotFoundError } from './errors';
import { encodeCursor, planAuditQuery, planQuery, type QueryPlan, type UntypedQuery } from './query-plan';
import {
  validatePatch,
  validateRecord,
  type MutableRecordKind,
  type RecordData,
  type RecordInput,
  type RecordKind,
  type RecordPatch,
} from './record-kind';
import type { CreateOptions, RecordPage, RecordQuery, RecordStore, StoredRecord } from './record-store';

interface Entry {
  seq: number;
  clientRequestId: string | null;
  record: StoredRecord<Record<string, unknown>>;
}

/** A RecordStore in a Map, for unit tests: same semantics as the adapters, nothing persisted. */
export class InMemoryRecordStore implements RecordStore {
  private readonly kinds = new Map<string, Entry[]>();
  private seq = 0;
  private readonly clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.clock = options.clock ?? systemClock;
  }

  create<K extends MutableRecordKind>(kind: K, data: RecordInput<K>, options: CreateOptions = {}) {
    return later(() => this.insert(kind, data, options) as StoredRecord<RecordData<K>>);
  }

  get<K extends MutableRecordKind>(kind: K, id: string) {
    return later(() => {
      const entry = this.entries(kind).find((e) => e.record.id === id);
      return entry ? (copy(entry.record) as StoredRecord<RecordData<K>>) : null;
    });
  }

  update<K extends MutableRecordKind>(kind: K, id: string, patch: RecordPatch<K>, options: { etag: string }) {
    return later(() => {
      if (kind.appendOnly) throw new AppendOnlyError(kind.name);
      const entry = this.entries(kind).find((e) => e.record.id === id);
      if (!entry) throw new RecordNotFoundError(kind.name, id);
      if (entry.record.etag !== options.etag) throw new RecordConflictError(kind.name, id, entry.record.etag);
      const data = validateRecord(kind, { ...entry.record.data, ...validatePatch(kind, patch) });
      entry.record = { ...entry.record, etag: randomUUID(), updatedAt: this.now(), data };
      return copy(entry.record) as StoredRecord<RecordData<K>>;
    });
  }

  query<K extends MutableRecordKind>(kind: K, query: RecordQuery<K>) {
    return later(() => this.run(kind, planQuery(kind, query as UntypedQuery)) as RecordPage<RecordData<K>>);
  }

  appendAudit(event: AuditEventInput, options: CreateOptions = {}) {
    return later(() => this.insert(auditEventKind, event, options) as StoredRecord<AuditEvent>);
  }

  queryAudit(query: AuditQuery) {
    return later(
      () => this.run(auditEventKind, planAuditQuery(auditEventKind, query)) as RecordPage<AuditEvent>,
    );
  }

  private insert(kind: RecordKind, input: unknown, options: CreateOptions) {
    const entries = this.entries(kind);
    const previous = entries.find(
      (e) => options.clientRequestId && e.clientRequestId === options.clientRequestId,
    );
    if (previous) return copy(previous.record);
    const data = validateRecord(kind, input);
    const now = this.now();
    const record = { id: randomUUID(), etag: randomUUID(), createdAt: now, updatedAt: now, data };
    entries.push({ seq: ++this.seq, clientRequestId: options.clientRequestId ?? null, record });
    return copy(record);
  }

  private run(kind: RecordKind, p: QueryPlan): RecordPage<Record<string, unknown>> {
    const sign = p.order.direction === 'asc' ? 1 : -1;
    const keyOf = (e: Entry) => ({ value: orderValue(e, p), tie: e.seq });
    const matching = this.entries(kind)
      .filter((e) => p.where.every((w) => e.record.data[w.field] === w.value))
      .filter((e) => !p.after || sign * compareKeys(keyOf(e), p.after) > 0)
      .sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
    const page = matching.slice(0, p.limit);
    const last = page.at(-1);
    const nextCursor =
      last && matching.length > p.limit ? encodeCursor(p, orderValue(last, p), last.seq) : null;
    return { records: page.map((e) => copy(e.record)), nextCursor };
  }

  private entries(kind: RecordKind): Entry[] {
    let entries = this.kinds.get(kind.name);
    if (!entries) this.kinds.set(kind.name, (entries = []));
    return entries;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function orderValue(entry: Entry, plan: QueryPlan): string | number | boolean {
  const { record } = entry;
  // Creation order is insertion order, as in the adapters.
  if (plan.order.field === 'createdAt') return entry.seq;
  const value = plan.order.field === 'updatedAt' ? record.updatedAt : record.data[plan.order.field];
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

type Key = { value: string | number | boolean; tie: number };
function compareKeys(a: Key, b: Key): number {
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return a.tie - b.tie;
}

/** Runs `fn` as a promise, so a throw becomes a rejection like a remote store's. */
function later<T>(fn: () => T): Promise<T> {
  return new Promise((resolve) => resolve(fn()));
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
