import { z } from 'zod';
import type { GraphClient } from '../../graph/create-graph-client';
import { getAll } from '../../graph/paging';
import { StoreUnavailableError } from '../errors';
import type { RecordKind } from '../record-kind';
import { mapFailures } from './store-errors';

const listSummary = z.object({ id: z.string().min(1), displayName: z.string() });
export type ListSummary = z.infer<typeof listSummary>;

/** `/sites/{site-id}`: a composite id (`host,guid,guid`) keeps its commas, as Graph writes it. */
export function sitePath(siteId: string): string {
  return `/sites/${encodeURIComponent(siteId).replace(/%2C/gi, ',')}`;
}

/** Every list of the site, by `GET /sites/{site-id}/lists` (all pages). */
export function listLists(client: GraphClient, siteId: string): Promise<ListSummary[]> {
  return getAll(client, `${sitePath(siteId)}/lists`, {
    item: listSummary,
    select: ['id', 'displayName'],
    top: 999,
  });
}

/**
 * The ids of the kinds' lists, found by title with one `GET .../lists` on first use and kept; a
 * title not found then is looked up again on its next use (it may have been provisioned since).
 */
export class SiteLists {
  private ids: Promise<Map<string, string>> | null = null;

  constructor(
    private readonly client: GraphClient,
    private readonly siteId: string,
  ) {}

  async idOf(kind: RecordKind): Promise<string> {
    const key = kind.listTitle.toLowerCase();
    let id = (await this.load()).get(key);
    if (id === undefined) {
      this.ids = null;
      id = (await this.load()).get(key);
    }
    if (id === undefined) {
      // Unavailable rather than refused: writes wait in the outbox until the list is provisioned.
      throw new StoreUnavailableError(
        `SharePoint list "${kind.listTitle}" does not exist on site ${this.siteId}: run npm run provision:lists`,
      );
    }
    return id;
  }

  private load(): Promise<Map<string, string>> {
    this.ids ??= mapFailures({ kind: 'list', operation: 'read' }, () =>
      listLists(this.client, this.siteId),
    ).then(
      (lists) => new Map(lists.map((l) => [l.displayName.toLowerCase(), l.id])),
      (error: unknown) => {
        this.ids = null;
        throw error;
      },
    );
    return this.ids;
  }
}
