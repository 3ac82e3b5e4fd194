import { z } from 'zod';
import type { ActionResult, CardAction } from '../assistant/turn';
import { incidentIntakeCard } from '../cards/incident-intake-card';
import { incidentQueuedCard } from '../cards/incident-status-card';
import { StoreUnavailableError } from '../store/errors';
import type { RecordInput } from '../store/record-kind';
import type { IncidentDeps } from './incident-changes';
import {
  checklistFor,
  classificationOf,
  externalFor,
  ownerAndAssigneesOf,
  respondersFor,
  triageInputOf,
} from './incident-plan';
import { readIncident, type IntakeValues } from './incident-state';
import { incidentCard, reporterActions } from './incident-views';
import { parseIntake } from './intake';
import { msg } from './messages';
import { incidentKind } from './records';
import { reminderDelayMs, type ReminderPolicy } from './reminder-policy';
import { routeIncident } from './route-incident';
import { assessIncident, type IncidentAssessment } from './triage';

const submission = z.object({ submissionId: z.uuid() });

/** `INC-` and six characters of the submission id: short enough to say on the phone. */
export const referenceOf = (submissionId: string) =>
  `INC-${submissionId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;

/**
 * A submitted intake card: validated (the same card comes back with the problems marked, nothing
 * stored), triaged by the rules (the reporter cannot choose the level), stored once per card, routed to
 * the responders, and answered with the reporter's status card.
 */
export async function submitIncident(
  deps: IncidentDeps & { policy: ReminderPolicy; canSeeOpenList: (userId: string) => boolean },
  action: CardAction,
): Promise<ActionResult> {
  const { locale } = action;
  const key = submission.safeParse(action.data);
  const userId = action.user.aadObjectId?.toLowerCase();
  if (!key.success) return { type: 'text', text: msg(locale, 'errInvalid') };
  if (!userId) return { type: 'text', text: msg(locale, 'needTeamsUser') };
  const { submissionId } = key.data;
  const intake = parseIntake(action.data, deps.clock.now());
  if (!intake.ok) {
    const showOpenList = deps.canSeeOpenList(userId);
    const card = incidentIntakeCard({
      locale,
      submissionId,
      draft: intake.draft,
      errors: intake.errors,
      showOpenList,
    });
    return { type: 'card', card };
  }
  const values = intake.values;
  const assessment = assessIncident(triageInputOf(values, submissionId), deps.ctx);
  const input = recordInput(deps, {
    submissionId,
    values,
    assessment,
    locale,
    user: { id: userId, name: action.user.name },
  });
  let stored;
  try {
    stored = await deps.records.create(incidentKind, input, { clientRequestId: submissionId });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const outcome = await deps.writer.create(incidentKind, input);
    if (outcome.status === 'queued') {
      deps.logger.warn({ writeId: outcome.writeId }, 'incident report queued: the store is unavailable');
      const rule = assessment.level.level;
      const r = assessment.level.rule;
      return {
        type: 'card',
        card: incidentQueuedCard({
          locale,
          level: rule,
          rule: `${r.part} ${r.section}「${r.text}」`,
          whatToDoNow: reporterActions(deps.ctx, values, values.category),
        }),
      };
    }
    stored = outcome.record;
  }
  const incident = readIncident(stored);
  // A submission id is a card's; someone else's card is not theirs to submit.
  if (incident.reporterId !== userId) return { type: 'text', text: msg(locale, 'notFound') };
  const routed = await routeIncident(deps, incident);
  return { type: 'card', card: incidentCard(deps.ctx, routed, 'reporter', locale) };
}

function recordInput(
  deps: IncidentDeps & { policy: ReminderPolicy },
  r: {
    submissionId: string;
    values: IntakeValues;
    assessment: IncidentAssessment;
    locale: 'ja' | 'en';
    user: { id: string; name: string | undefined };
  },
): RecordInput<typeof incidentKind> {
  const { values, assessment } = r;
  const { profile } = deps.ctx;
  const now = deps.clock.now();
  const level = assessment.level.level;
  const { responders } = respondersFor(level, profile);
  const reporterName = r.user.name ?? r.user.id;
  // Reporting is what the reporter just did: the 発見者's reporting step is done by the report itself.
  const checklist = checklistFor(deps.ctx, values.category, level).map((item) =>
    /^発見者は.*報告する/.test(item.text)
      ? { ...item, done: { by: r.user.id, byName: reporterName, at: now.toISOString() } }
      : item,
  );
  return {
    reference: referenceOf(r.submissionId),
    submissionId: r.submissionId,
    reporterId: r.user.id,
    reporterName,
    reporterPhone: values.reporterPhone,
    locale: r.locale,
    category: values.category,
    inputs: values,
    level,
    levelReason: { ...assessment.level.rule, source: 'triage', provisional: assessment.level.provisional },
    levelHistory: [],
    phase: '発見報告',
    open: true,
    checklist,
    classification: classificationOf(values.category, level),
    ownerAndAssignees: ownerAndAssigneesOf(level, responders, profile),
    discoveredAt: values.discoveredAt,
    occurredAt: values.occurredAt,
    whatHappened: values.whatHappened,
    damagedSystems: values.systems,
    reportRevision: 0,
    external: externalFor(values, values.category, profile),
    responders,
    reminding: true,
    nextReminderAt: new Date(now.getTime() + reminderDelayMs(level, deps.policy)).toISOString(),
    reminderCount: 0,
    routing: 'pending',
    unreachable: [],
    sentCards: [],
  };
}
