import { z } from 'zod';
import { EDITABLE_REPORT_FIELDS, type EditableReportField } from '../cards/incident-responder-forms';
import { incidentVerbs, type IncidentVerb } from '../cards/incident-verbs';
import { recordDelivery, refreshSentCards, type Decision, type IncidentDeps } from './incident-changes';
import type { Incident, SentCard, Unreachable } from './incident-state';
import { incidentCard } from './incident-views';
import { msg } from './messages';
import { notifyResponders } from './notify-responders';
import type { ReminderPolicy } from './reminder-policy';
import {
  acknowledge,
  advance,
  editReport,
  markExternal,
  reclassify,
  setStep,
  type Actor,
} from './responder-decisions';
import { INCIDENT_CATEGORIES, type IncidentLevel } from './schema';
import type { IncidentContext } from './triage';

const id = z.string().min(1).max(100);
const text = z.string().max(5000);
const schemas = {
  [incidentVerbs.acknowledge]: z.object({ incidentId: id }),
  [incidentVerbs.step]: z.object({ incidentId: id, stepId: id, done: z.boolean() }),
  [incidentVerbs.advance]: z.object({ incidentId: id, from: id }),
  [incidentVerbs.external]: z.object({ incidentId: id, body: id, reason: id }),
  [incidentVerbs.reclassify]: z.object({
    incidentId: id,
    revision: z.int().min(0),
    newCategory: z.enum(INCIDENT_CATEGORIES),
    newLevel: z.enum(['0', '1', '2', '3']).transform((l) => Number(l) as IncidentLevel),
    reason: text.default(''),
  }),
  [incidentVerbs.editReport]: z.object({
    incidentId: id,
    revision: z.int().min(0),
    ...Object.fromEntries(EDITABLE_REPORT_FIELDS.map(([name]) => [name, text.optional()])),
  }),
};

/**
 * Parses a responder button's data into the decision to take on the stored incident; null for a verb
 * that is not a responder action or data that does not parse. The data holds ids and what was asked for.
 */
export function decideResponderAction(
  verb: IncidentVerb,
  data: unknown,
  actor: Actor,
  ctx: IncidentContext,
  policy: ReminderPolicy,
): { incidentId: string; decide: (incident: Incident) => Decision } | null {
  switch (verb) {
    case incidentVerbs.acknowledge: {
      const d = schemas[verb].safeParse(data);
      return d.success ? { incidentId: d.data.incidentId, decide: (i) => acknowledge(i, actor) } : null;
    }
    case incidentVerbs.step: {
      const d = schemas[verb].safeParse(data);
      return d.success
        ? { incidentId: d.data.incidentId, decide: (i) => setStep(i, actor, d.data.stepId, d.data.done) }
        : null;
    }
    case incidentVerbs.advance: {
      const d = schemas[verb].safeParse(data);
      return d.success
        ? { incidentId: d.data.incidentId, decide: (i) => advance(i, actor, d.data.from) }
        : null;
    }
    case incidentVerbs.external: {
      const d = schemas[verb].safeParse(data);
      return d.success
        ? { incidentId: d.data.incidentId, decide: (i) => markExternal(i, actor, d.data.body, d.data.reason) }
        : null;
    }
    case incidentVerbs.reclassify: {
      const d = schemas[verb].safeParse(data);
      if (!d.success) return null;
      const change = {
        category: d.data.newCategory,
        level: d.data.newLevel,
        reason: d.data.reason,
        revision: d.data.revision,
      };
      return { incidentId: d.data.incidentId, decide: (i) => reclassify(i, actor, change, ctx, policy) };
    }
    case incidentVerbs.editReport: {
      const d = schemas[verb].safeParse(data);
      if (!d.success) return null;
      const { incidentId, revision, ...rest } = d.data;
      const fields = rest as Partial<Record<EditableReportField, string>>;
      return { incidentId, decide: (i) => editReport(i, actor, { revision, fields }) };
    }
    default:
      return null;
  }
}

/**
 * After a change: responders added by a change of level get their card; at ⑤最終報告 the reporter gets a
 * message; then every card sent earlier is updated to the new state.
 */
export async function followUp(deps: IncidentDeps, verb: IncidentVerb, changed: Incident): Promise<Incident> {
  let incident = changed;
  const fresh = new Set<string>();
  const delivery: { sent: SentCard[]; unreachable: Unreachable[] } = { sent: [], unreachable: [] };
  const missing = incident.responders.filter(
    (r) =>
      !incident.sentCards.some((s) => s.userId === r.id) && !incident.unreachable.some((u) => u.id === r.id),
  );
  if (incident.routing === 'done' && missing.length > 0) {
    const out = await notifyResponders(deps, incident, missing, 'routed');
    delivery.sent.push(...out.sent);
    delivery.unreachable.push(...out.unreachable);
  }
  if (verb === incidentVerbs.advance && incident.phase === '最終報告') {
    const sent = await deps.notifier.sendCard(
      { aadObjectId: incident.reporterId },
      incidentCard(deps.ctx, incident, 'reporter', incident.locale),
      msg(incident.locale, 'finalTitle', { reference: incident.reference }),
    );
    if (sent.ok) delivery.sent.push({ userId: incident.reporterId, ...sent.message });
    else
      deps.logger.warn(
        { incidentId: incident.id, reason: sent.reason },
        'could not tell the reporter of the final report',
      );
  }
  for (const s of delivery.sent) fresh.add(s.activityId);
  if (delivery.sent.length > 0 || delivery.unreachable.length > 0) {
    const recorded = await recordDelivery(deps, incident.id, delivery);
    if (recorded.kind !== 'notFound') incident = recorded.incident;
  }
  await refreshSentCards(deps, incident, { skip: fresh });
  return incident;
}
