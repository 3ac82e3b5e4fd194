import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger';
import { systemClock, type Clock } from '../../shared/clock';
import { auditEventKind, type AuditEvent, type AuditEventInput } from '../audit';
import { StoreError, StoreUnavailableError } from '../errors';
import {
  validatePatch,
  validateRecord,
  type MutableRecordKind,
  type RecordData,
  type RecordInput,
  type RecordPatch,
} from '../record-kind';
import type { RecordStore, StoredRecord } from '../record-store';
import { deliverWrite } from './deliver-write';
import type { OutboxEntry, QueuedWrite, SqliteOutbox } from './sqlite-outbox';

/** `queued`: the store is down; the write is kept on disk and will be delivered. Tell the user it was received. */
export type WriteOutcome<T> =
  { status: 'stored'; record: StoredRecord<T> } | { status: 'queued'; writeId: string };

export interface DrainReport {
  delivered: number;
  /** Refused by the store for good (conflict, validation…): kept in the outbox, marked failed. */
  failed: number;
  /** Still waiting: the store is unavailable again. */
  pending: number;
}

export interface DurableWriterOptions {
  store: RecordStore;
  outbox: SqliteOutbox;
  /** Every kind written through this writer: a queued write names its kind and must find it after a restart. */
  kinds: readonly MutableRecordKind[];
  logger: Logger;
  clock?: Clock;
}

/**
 * Writes what users submit so that none is lost while the store is down: a write the store cannot
 * take now is queued on disk and delivered later, in order, exactly once (creates carry their
 * write id as `clientRequestId`; an update found already applied is not applied twice).
 */
export class DurableWriter {
  private readonly kinds: ReadonlyMap<string, MutableRecordKind>;
  private readonly clock: Clock;
  private tail: Promise<unknown> = Promise.resolve();
  private draining: Promise<DrainReport> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DurableWriterOptions) {
    this.kinds = new Map(options.kinds.map((k) => [k.name, k]));
    this.clock = options.clock ?? systemClock;
  }

  /** Validation errors are thrown at once: nothing invalid is queued. */
  async create<K extends MutableRecordKind>(
    kind: K,
    input: RecordInput<K>,
  ): Promise<WriteOutcome<RecordData<K>>> {
    const data = validateRecord(kind, input) as Record<string, unknown>;
    return await this.submit({ operation: 'create', kind: this.known(kind), data });
  }

  /** A queued update is applied later only if `etag` is still current then; otherwise it is marked failed. */
  async update<K extends MutableRecordKind>(
    kind: K,
    id: string,
    patch: RecordPatch<K>,
    options: { etag: string },
  ): Promise<WriteOutcome<RecordData<K>>> {
    const changes = validatePatch(kind, patch);
    return await this.submit({
      operation: 'update',
      kind: this.known(kind),
      id,
      etag: options.etag,
      patch: changes,
    });
  }

  async appendAudit(event: AuditEventInput): Promise<WriteOutcome<AuditEvent>> {
    const data = validateRecord(auditEventKind, event) as Record<string, unknown>;
    return await this.submit({ operation: 'appendAudit', data });
  }

  /** Delivers queued writes oldest first; stops at the first that finds the store unavailable. */
  drain(): Promise<DrainReport> {
    this.draining ??= this.drainQueue().finally(() => (this.draining = null));
    return this.draining;
  }

  /** Drains now and then every `intervalMs`. */
  start(options: { intervalMs: number }): void {
    const tick = () => {
      this.drain().catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'outbox drain failed'),
      );
    };
    this.timer = setInterval(tick, options.intervalMs).unref();
    tick();
  }

  /** Stops the timer and waits for a drain under way; the outbox stays open. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining?.catch(() => undefined);
  }

  private submit<T>(write: QueuedWrite): Promise<WriteOutcome<T>> {
    const writeId = randomUUID();
    // One write at a time, and none past a queue: a later write must not overtake a queued one.
    const run = this.tail.then(async (): Promise<WriteOutcome<T>> => {
      const { outbox } = this.options;
      const queuedAt = this.clock.now().toISOString();
      if (outbox.pendingCount() > 0) {
        outbox.enqueue({ writeId, write, queuedAt, attempts: 0 });
        return { status: 'queued', writeId };
      }
      try {
        return { status: 'stored', record: (await this.deliver(write, writeId)) as StoredRecord<T> };
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        outbox.enqueue({ writeId, write, queuedAt, attempts: 1 });
        this.options.logger.warn(
          { writeId, ...describe(write) },
          'store unavailable: write queued in the outbox',
        );
        return { status: 'queued', writeId };
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async drainQueue(): Promise<DrainReport> {
    const { outbox, logger } = this.options;
    let delivered = 0;
    let failed = 0;
    for (let entry = outbox.next(); entry; entry = outbox.next()) {
      outbox.recordAttempt(entry.writeId);
      try {
        await this.deliver(entry.write, entry.writeId);
        outbox.remove(entry.writeId);
        delivered++;
      } catch (error) {
        if (!(error instanceof StoreError) || error.reason === 'unavailable') {
          // Unavailable, or a failure nobody classified: keep this write and all after it for the next drain.
          logger.warn(
            { err: error, writeId: entry.writeId, attempts: entry.attempts + 1 },
            'outbox delivery deferred',
          );
          break;
        }
        outbox.markFailed(entry.writeId, error.reason, this.clock.now().toISOString());
        failed++;
        logger.error(
          { ...describeEntry(entry), reason: error.reason },
          'a queued write was refused; kept as failed',
        );
      }
    }
    return { delivered, failed, pending: outbox.pendingCount() };
  }

  private deliver(write: QueuedWrite, writeId: string): Promise<StoredRecord<unknown>> {
    return deliverWrite(this.options.store, this.kinds, write, writeId);
  }

  private known(kind: MutableRecordKind): string {
    if (this.kinds.get(kind.name) !== kind)
      throw new Error(`${kind.name} is not among the DurableWriter's kinds`);
    return kind.name;
  }
}

function describe(write: QueuedWrite) {
  return { operation: write.operation, kind: write.operation === 'appendAudit' ? 'auditEvent' : write.kind };
}

function describeEntry(entry: OutboxEntry) {
  return { writeId: entry.writeId, attempts: entry.attempts + 1, ...describe(entry.write) };
}
