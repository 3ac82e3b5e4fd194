import { EDITABLE_REPORT_FIELDS } from '../cards/incident-responder-forms';
import type { Decision, IncidentPatch } from './incident-changes';
import { checklistFor, classificationOf, externalFor, levelCriterion, respondersFor } from './incident-plan';
import type { Incident } from './incident-state';
import { nextPhase } from './labels';
import { LEAK_FLOOR } from './level';
import { INCIDENT_PHASES, REASON_MAX, REPORT_TEXT_MAX } from './records';
import { reminderDelayMs, type ReminderPolicy } from './reminder-policy';
import type { IncidentCategory, IncidentLevel } from './schema';
import type { IncidentContext } from './triage';

/** Who acts and when; decisions are pure functions of the incident as stored and this. */
export interface Actor {
  id: string;
  name: string;
  now: Date;
}

const stamp = (a: Actor) => ({ by: a.id, byName: a.name, at: a.now.toISOString() });

/** Any responder action answers the incident: it counts as acknowledging it and stops the reminders. */
function answered(incident: Incident, a: Actor): IncidentPatch {
  return incident.acknowledgedAt
    ? {}
    : { acknowledgedAt: a.now.toISOString(), acknowledgedBy: a.id, reminding: false };
}

export function acknowledge(incident: Incident, a: Actor): Decision {
  if (incident.acknowledgedAt) return { kind: 'unchanged' };
  return {
    kind: 'change',
    patch: answered(incident, a),
    audit: { action: 'incident.acknowledged', detail: {} },
  };
}

/** Sets a step done or not done (the state asked for, so a repeated press changes nothing). */
export function setStep(incident: Incident, a: Actor, stepId: string, done: boolean): Decision {
  if (!incident.open) return { kind: 'refused', message: 'closed' };
  const item = incident.checklist.find((s) => s.id === stepId);
  if (!item || (item.done !== null) === done) return { kind: 'unchanged' };
  const checklist = incident.checklist.map((s) =>
    s.id === stepId ? { ...s, done: done ? stamp(a) : null } : s,
  );
  return {
    kind: 'change',
    patch: { ...answered(incident, a), checklist },
    audit: {
      action: done ? 'incident.stepDone' : 'incident.stepUndone',
      detail: { stepId, step: item.number },
    },
  };
}

/** Moves to the next 9.5 phase if the incident is still in `from`; ⑤最終報告 closes it. */
export function advance(incident: Incident, a: Actor, from: string): Decision {
  const next = nextPhase(incident.phase);
  if (incident.phase !== from || !next) return { kind: 'unchanged' };
  const closing = next === INCIDENT_PHASES[INCIDENT_PHASES.length - 1];
  return {
    kind: 'change',
    patch: {
      ...answered(incident, a),
      phase: next,
      ...(closing ? { open: false, reminding: false, finalReportedAt: a.now.toISOString() } : {}),
    },
    audit: { action: 'incident.phaseAdvanced', detail: { from: incident.phase, to: next } },
  };
}

export function markExternal(incident: Incident, a: Actor, body: string, reason: string): Decision {
  if (!incident.open) return { kind: 'refused', message: 'closed' };
  const flag = incident.external.find((f) => f.body === body && f.reason === reason);
  if (!flag || flag.reported) return { kind: 'unchanged' };
  const external = incident.external.map((f) => (f === flag ? { ...f, reported: stamp(a) } : f));
  return {
    kind: 'change',
    patch: { ...answered(incident, a), external },
    audit: { action: 'incident.externalReported', detail: { body, reason } },
  };
}

/**
 * A responder's change of 区分 and level (9.2 「インシデント対応責任者と協議の上」), with the reason kept in
 * the record. Refused below the 9.4 leak floor, and when the reporter would lower their own report.
 * The checklist, external reports and responders follow the new classification.
 */
export function reclassify(
  incident: Incident,
  a: Actor,
  change: { category: IncidentCategory; level: IncidentLevel; reason: string; revision: number },
  ctx: IncidentContext,
  policy: ReminderPolicy,
): Decision {
  if (!incident.open) return { kind: 'refused', message: 'closed' };
  if (change.revision !== incident.levelHistory.length) return { kind: 'unchanged', notice: 'staleForm' };
  const reason = change.reason.trim();
  if (reason === '' || reason.length > REASON_MAX) return { kind: 'refused', message: 'errReason' };
  const { category, level } = change;
  if (category === '漏えい・流出' && level < LEAK_FLOOR.level)
    return { kind: 'refused', message: 'errLeakFloor' };
  if (a.id === incident.reporterId && level < incident.level)
    return { kind: 'refused', message: 'reporterCannotLower' };
  if (category === incident.category && level === incident.level) return { kind: 'unchanged' };
  const { responders } = respondersFor(level, ctx.profile, incident.responders);
  const history = {
    ...stamp(a),
    fromCategory: incident.category,
    toCategory: category,
    fromLevel: incident.level,
    toLevel: level,
    reason,
  };
  return {
    kind: 'change',
    patch: {
      ...answered(incident, a),
      category,
      level,
      levelReason: {
        part: '組織的対策',
        section: '9.2',
        text: levelCriterion(level),
        source: 'responder',
        provisional: false,
      },
      levelHistory: [...incident.levelHistory, history],
      classification: classificationOf(category, level),
      checklist: checklistFor(ctx, category, level, incident.checklist),
      external: externalFor(incident.inputs, category, ctx.profile, incident.external),
      responders,
      ...(incident.reminding
        ? { nextReminderAt: new Date(a.now.getTime() + reminderDelayMs(level, policy)).toISOString() }
        : {}),
    },
    audit: {
      action: 'incident.reclassified',
      detail: {
        fromCategory: incident.category,
        toCategory: category,
        fromLevel: incident.level,
        toLevel: level,
        change: incident.levelHistory.length,
      },
    },
  };
}

/** Saves the 9.5 report fields a responder edited; 発生事象 cannot be emptied. */
export function editReport(
  incident: Incident,
  a: Actor,
  edit: { revision: number; fields: Partial<Record<(typeof EDITABLE_REPORT_FIELDS)[number][0], string>> },
): Decision {
  if (!incident.open) return { kind: 'refused', message: 'closed' };
  if (edit.revision !== incident.reportRevision) return { kind: 'unchanged', notice: 'staleForm' };
  const patch: Record<string, string | null> = {};
  for (const [name] of EDITABLE_REPORT_FIELDS) {
    const value = edit.fields[name]?.trim();
    if (value === undefined) continue;
    if (value.length > REPORT_TEXT_MAX || (name === 'whatHappened' && value === '')) {
      return { kind: 'refused', message: 'errReportField' };
    }
    if ((incident[name] ?? '') !== value) patch[name] = value === '' ? null : value;
  }
  const changed = Object.keys(patch);
  if (changed.length === 0) return { kind: 'unchanged' };
  return {
    kind: 'change',
    patch: { ...answered(incident, a), ...patch, reportRevision: incident.reportRevision + 1 },
    audit: { action: 'incident.reportEdited', detail: { fields: changed } },
  };
}
