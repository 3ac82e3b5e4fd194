import type { Logger } from '../logger';
import type { Notifier } from '../notify/notifier';
import type { Clock } from '../shared/clock';
import { RecordConflictError } from '../store/errors';
import type { DurableWriter } from '../store/outbox/durable-writer';
import type { RecordPatch } from '../store/record-kind';
import type { RecordStore } from '../store/record-store';
import { readIncident, type Incident, type SentCard, type Unreachable } from './incident-state';
import { incidentCard, viewerOf } from './incident-views';
import type { IncidentMessageKey } from './messages';
import { incidentKind } from './records';
import type { IncidentContext } from './triage';

/** The ports and rules every incident use case works with. */
export interface IncidentDeps {
  ctx: IncidentContext;
  records: RecordStore;
  writer: DurableWriter;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

export type IncidentPatch = RecordPatch<typeof incidentKind>;
type JsonObject = Record<string, string | number | boolean | null | string[]>;

/** What a use case decides on the incident as it is now (re-read after a lost race). */
export type Decision =
  | { kind: 'change'; patch: IncidentPatch; audit: { action: string; detail: JsonObject } | null }
  | { kind: 'unchanged'; notice?: IncidentMessageKey }
  | { kind: 'refused'; message: IncidentMessageKey };

export type ChangeOutcome =
  | { kind: 'changed'; incident: Incident; notice: null }
  | { kind: 'unchanged'; incident: Incident; notice: IncidentMessageKey | null }
  | { kind: 'refused'; incident: Incident; message: IncidentMessageKey }
  | { kind: 'notFound' };

const ATTEMPTS = 4;

/**
 * Reads the incident, lets `decide` choose on that state, and writes the change only if nobody changed
 * the record since (ETag). On a lost race it reads again and decides again, so a second press, or a
 * second responder doing the same thing, finds the work done and changes nothing.
 */
export async function changeIncident(
  deps: Pick<IncidentDeps, 'records' | 'writer' | 'clock'>,
  id: string,
  actorId: string | null,
  decide: (incident: Incident) => Decision,
): Promise<ChangeOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await deps.records.get(incidentKind, id);
    if (!stored) return { kind: 'notFound' };
    const incident = readIncident(stored);
    const decision = decide(incident);
    if (decision.kind === 'refused') return { kind: 'refused', incident, message: decision.message };
    if (decision.kind === 'unchanged')
      return { kind: 'unchanged', incident, notice: decision.notice ?? null };
    let updated;
    try {
      updated = await deps.records.update(incidentKind, id, decision.patch, { etag: stored.etag });
    } catch (error) {
      if (error instanceof RecordConflictError) continue;
      throw error;
    }
    if (decision.audit) {
      await deps.writer.appendAudit({
        at: deps.clock.now().toISOString(),
        actorId,
        action: decision.audit.action,
        subjectKind: incidentKind.name,
        subjectId: id,
        detail: decision.audit.detail,
      });
    }
    return { kind: 'changed', incident: readIncident(updated), notice: null };
  }
  const current = await deps.records.get(incidentKind, id);
  return current
    ? { kind: 'unchanged', incident: readIncident(current), notice: 'staleForm' }
    : { kind: 'notFound' };
}

/**
 * Records cards sent and people not reached. A person reached now is no longer listed as unreachable;
 * one not reached is listed once, with the latest reason.
 */
export async function recordDelivery(
  deps: Pick<IncidentDeps, 'records' | 'writer' | 'clock'>,
  id: string,
  delivery: { sent: SentCard[]; unreachable: Unreachable[] },
  extra: IncidentPatch = {},
): Promise<ChangeOutcome> {
  return changeIncident(deps, id, null, (incident) => {
    const reached = new Set(delivery.sent.map((s) => s.userId));
    const failed = new Set(delivery.unreachable.map((u) => u.id));
    const unreachable = [
      ...incident.unreachable.filter((u) => !reached.has(u.id) && !failed.has(u.id)),
      ...delivery.unreachable,
    ];
    const known = new Set(incident.sentCards.map((s) => s.activityId));
    const sentCards = [...incident.sentCards, ...delivery.sent.filter((s) => !known.has(s.activityId))];
    return { kind: 'change', patch: { ...extra, sentCards, unreachable }, audit: null };
  });
}

/**
 * Replaces every card the bot sent about the incident with its current state, each in its reader's
 * view (responders act, the reporter reads). A card that cannot be updated is logged and left.
 */
export async function refreshSentCards(
  deps: Pick<IncidentDeps, 'ctx' | 'notifier' | 'logger'>,
  incident: Incident,
  options: { skip?: ReadonlySet<string> } = {},
): Promise<void> {
  const cards = incident.sentCards.filter((s) => !options.skip?.has(s.activityId));
  await Promise.all(
    cards.map(async (sent) => {
      const viewer = viewerOf(incident, sent.userId, false) ?? 'observer';
      const locale = viewer === 'reporter' ? incident.locale : 'ja';
      const result = await deps.notifier.updateCard(sent, incidentCard(deps.ctx, incident, viewer, locale));
      if (!result.ok) {
        deps.logger.warn(
          { incidentId: incident.id, reason: result.reason, status: result.status },
          'could not update an incident card',
        );
      }
    }),
  );
}
