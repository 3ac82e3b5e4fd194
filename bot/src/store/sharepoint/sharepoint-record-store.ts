import { randomUUID } from 'node:crypto';
import type { GraphClient } from '../../graph/create-graph-client';
import { GraphError } from '../../graph/graph-error';
import type { Clock } from '../../shared/clock';
import { auditEventKind, type AuditEvent, type AuditEventInput, type AuditQuery } from '../audit';
import { AppendOnlyError, RecordConflictError, RecordNotFoundError, RecordValidationError } from '../errors';
import { planAuditQuery, planQuery } from '../query-plan';
import {
  validatePatch,
  validateRecord,
  type MutableRecordKind,
  type RecordData,
  type RecordInput,
  type RecordKind,
  type RecordPatch,
} from '../record-kind';
import type { CreateOptions, RecordPage, RecordQuery, RecordStore, StoredRecord } from '../record-store';
import { batchFailure, batchPost } from './batch-post';
import { newItemFields, recordFromFieldValueSet, recordFromItem, toFields } from './item-mapping';
import { findByRequestId, queryPage } from './item-pages';
import { internalNames } from './names';
import { SiteLists, sitePath } from './site-lists';
import { mapFailures, toStoreError } from './store-errors';

export interface SharePointRecordStoreOptions {
  client: GraphClient;
  /** Graph site id (`host,siteCollectionId,webId`) holding the lists `provision:lists` created. */
  siteId: string;
  /** Every kind this store is used with, the audit kind among them (added if left out). */
  kinds: readonly RecordKind[];
  /** Accepted for symmetry with the other adapters; SharePoint stamps createdAt and updatedAt itself. */
  clock?: Clock;
}

/** SharePoint list item ids are positive integers; any other id names no item. */
const itemId = /^[1-9]\d{0,9}$/;
const MAX_REQUEST_ID = 255;

/**
 * The RecordStore over SharePoint lists through Microsoft Graph: one list per kind (found by its
 * `listTitle`), one item per record. Updates are conditional (`If-Match`); creates with a
 * clientRequestId look for it in a hidden indexed column first; queries filter and sort on indexed
 * columns only, and page by SharePoint's nextLink. Graph failures become store errors (store-errors.ts).
 */
export class SharePointRecordStore implements RecordStore {
  private readonly client: GraphClient;
  private readonly site: string;
  private readonly lists: SiteLists;
  private readonly kinds = new Map<string, RecordKind>();

  constructor(options: SharePointRecordStoreOptions) {
    this.client = options.client;
    this.site = sitePath(options.siteId);
    this.lists = new SiteLists(options.client, options.siteId);
    for (const kind of [auditEventKind, ...options.kinds]) {
      internalNames(kind); // refuses, now, a kind whose fields cannot all be columns
      this.kinds.set(kind.name, kind);
    }
  }

  async create<K extends MutableRecordKind>(kind: K, data: RecordInput<K>, options: CreateOptions = {}) {
    return (await this.insert(kind, data, options)) as StoredRecord<RecordData<K>>;
  }

  /**
   * Creates many records of one kind through `$batch` (20 per request). Not atomic: a failure leaves
   * the records before it created. A create answered 429/503/504 is retried alone, by its key.
   */
  async createMany<K extends MutableRecordKind>(kind: K, inputs: readonly RecordInput<K>[]) {
    const data = inputs.map((input) => validateRecord(kind, input) as Record<string, unknown>);
    const keys = data.map(() => randomUUID());
    const path = await this.itemsPath(kind);
    const bodies = data.map((d, i) => ({ fields: newItemFields(kind, d, keys[i]!) }));
    const context = { kind: kind.name, operation: 'write' } as const;
    const results = await mapFailures(context, () => batchPost(this.client, path, bodies));
    const records: StoredRecord<RecordData<K>>[] = [];
    for (const [i, result] of results.entries()) {
      if (result.status === 201 || result.status === 200) {
        records.push(recordFromItem(kind, result.body) as StoredRecord<RecordData<K>>);
      } else if ([0, 429, 503, 504].includes(result.status)) {
        records.push(await this.create(kind, inputs[i]!, { clientRequestId: keys[i]! }));
      } else {
        const error = batchFailure(result, 'POST', path);
        throw toStoreError(error, { ...context, retryAfter: result.headers['retry-after'] });
      }
    }
    return records;
  }

  async get<K extends MutableRecordKind>(kind: K, id: string) {
    if (!itemId.test(id)) return null;
    const path = `${await this.itemsPath(kind)}/${id}?$expand=fields`;
    try {
      return recordFromItem(kind, await this.client.api(path).get()) as StoredRecord<RecordData<K>>;
    } catch (error) {
      if (error instanceof GraphError && error.reason === 'notFound') return null;
      throw toStoreError(error, { kind: kind.name, operation: 'read' });
    }
  }

  async update<K extends MutableRecordKind>(
    kind: K,
    id: string,
    patch: RecordPatch<K>,
    options: { etag: string },
  ) {
    if (kind.appendOnly) throw new AppendOnlyError(kind.name);
    const changes = validatePatch(kind, patch);
    if (!itemId.test(id)) throw new RecordNotFoundError(kind.name, id);
    const path = `${await this.itemsPath(kind)}/${id}`;
    try {
      const body: unknown = await this.client
        .api(`${path}/fields`)
        .header('If-Match', options.etag)
        .patch(toFields(kind, changes, { omitNulls: false }));
      return recordFromFieldValueSet(kind, body) as StoredRecord<RecordData<K>>;
    } catch (error) {
      if (error instanceof GraphError && error.reason === 'preconditionFailed') {
        throw new RecordConflictError(kind.name, id, await this.currentEtag(kind, id, path));
      }
      throw toStoreError(error, { kind: kind.name, id, operation: 'write' });
    }
  }

  async query<K extends MutableRecordKind>(kind: K, query: RecordQuery<K>) {
    const plan = planQuery(this.known(kind), query);
    const page = await queryPage(this.client, kind, await this.itemsPath(kind), plan);
    return page as RecordPage<RecordData<K>>;
  }

  async appendAudit(event: AuditEventInput, options: CreateOptions = {}) {
    return (await this.insert(auditEventKind, event, options)) as StoredRecord<AuditEvent>;
  }

  async queryAudit(query: AuditQuery) {
    const plan = planAuditQuery(auditEventKind, query);
    const page = await queryPage(this.client, auditEventKind, await this.itemsPath(auditEventKind), plan);
    return page as RecordPage<AuditEvent>;
  }

  private async insert(
    kind: RecordKind,
    input: unknown,
    options: CreateOptions,
  ): Promise<StoredRecord<unknown>> {
    const data = validateRecord(kind, input) as Record<string, unknown>;
    const key = options.clientRequestId;
    if (key !== undefined && (key.length === 0 || key.length > MAX_REQUEST_ID)) {
      throw new RecordValidationError(kind.name, [
        { field: 'clientRequestId', message: `must be 1 to ${MAX_REQUEST_ID} characters` },
      ]);
    }
    const path = await this.itemsPath(kind);
    if (key !== undefined) {
      const previous = await findByRequestId(this.client, kind, path, key);
      if (previous) return previous;
    }
    const sentKey = key ?? randomUUID();
    try {
      const body: unknown = await this.client.api(path).post({ fields: newItemFields(kind, data, sentKey) });
      return recordFromItem(kind, body);
    } catch (error) {
      // The key column is unique: a create with the same key that got in first, or an attempt the
      // client sent again after a 504 that hid its success, is refused (Graph's status for that is
      // not documented). If the key's item exists now, it is the answer; if not, the failure stands.
      const previous = mayHaveCreated(error)
        ? await findByRequestId(this.client, kind, path, sentKey).catch(() => null)
        : null;
      if (previous) return previous;
      throw toStoreError(error, { kind: kind.name, operation: 'write' });
    }
  }

  /** After a 412: the item's ETag now, or RecordNotFoundError when it is gone. */
  private async currentEtag(kind: RecordKind, id: string, path: string): Promise<string> {
    const context = { kind: kind.name, id, operation: 'read' } as const;
    const body = await mapFailures(context, () => this.client.api(path).get() as Promise<unknown>);
    const etag = (body as { eTag?: unknown } | undefined)?.eTag;
    if (typeof etag !== 'string') throw new RecordNotFoundError(kind.name, id);
    return etag;
  }

  private async itemsPath(kind: RecordKind): Promise<string> {
    return `${this.site}/lists/${await this.lists.idOf(this.known(kind))}/items`;
  }

  private known<K extends RecordKind>(kind: K): K {
    if (!this.kinds.has(kind.name))
      throw new Error(`${kind.name} is not among the SharePointRecordStore's kinds`);
    return kind;
  }
}

/** A failed create SharePoint may nonetheless have carried out (not: throttled, unavailable, refused access). */
function mayHaveCreated(error: unknown): boolean {
  if (!(error instanceof GraphError) || error.reason === 'credentialFailure') return false;
  return ![401, 403, 404, 429, 503].includes(error.status);
}
