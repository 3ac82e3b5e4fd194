import { createHash } from 'node:crypto';
import type { CompanyProfile } from '../policy/company-profile';
import { externalFlags } from './external';
import type { ChecklistItem, ExternalReport, IntakeValues, Responder } from './incident-state';
import { LEVEL_CRITERIA } from './level';
import { resolveRoleHolders, route } from './routing';
import type { IncidentCategory, IncidentLevel, NotifyRole, TriageInput } from './schema';
import { proceduresOf, stepsFor, type StepList } from './steps';
import type { IncidentContext } from './triage';

/** The rules' input for a report; `id` is only echoed back by the rules. */
export function triageInputOf(values: IntakeValues, id: string): TriageInput {
  const { category, impact, personalData, personalDataCount, specificPersonalInfo, unauthorizedAccess } =
    values;
  return { id, category, impact, personalData, personalDataCount, specificPersonalInfo, unauthorizedAccess };
}

/** The 9.4 procedure for a category and level (the caption is shown above the checklist). */
export function procedureOf(
  ctx: IncidentContext,
  category: IncidentCategory,
  level: IncidentLevel,
): StepList {
  return stepsFor(proceduresOf(ctx.pack), category, level);
}

const stepId = (text: string) => `s${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;

/**
 * The checklist for a category and level. A step that was on the previous list keeps who ticked it:
 * ids come from the step's text, so a change of level does not move a tick to another step.
 */
export function checklistFor(
  ctx: IncidentContext,
  category: IncidentCategory,
  level: IncidentLevel,
  previous: readonly ChecklistItem[] = [],
): ChecklistItem[] {
  return procedureOf(ctx, category, level).steps.map((s) => {
    const id = stepId(s.text);
    return {
      id,
      number: s.number,
      text: s.text,
      notes: s.notes,
      done: previous.find((p) => p.id === id)?.done ?? null,
    };
  });
}

/** The external reports of 9.4 and 9.6 for the report as now classified; a report already made stays made. */
export function externalFor(
  values: IntakeValues,
  category: IncidentCategory,
  profile: CompanyProfile,
  previous: readonly ExternalReport[] = [],
): ExternalReport[] {
  return externalFlags({ ...values, category }, profile).map((f) => ({
    body: f.body,
    reason: f.reason,
    urgency: f.urgency,
    seriousIncident: f.seriousIncident,
    contactKey: f.contactKey,
    citation: f.citation,
    reported: previous.find((p) => p.body === f.body && p.reason === f.reason)?.reported ?? null,
  }));
}

/**
 * Who is told of an incident of this level (9.1–9.4), merged into those already told: a person holding
 * several roles is one responder; someone once asked to act stays asked; nobody is removed when the
 * level goes down.
 */
export function respondersFor(
  level: IncidentLevel,
  profile: CompanyProfile,
  previous: readonly Responder[] = [],
): { responders: Responder[]; added: Responder[] } {
  const routing = route(level);
  const wanted = resolveRoleHolders(routing.roles, profile).flatMap((holder) => {
    const duty = routing.recipients.find((r) => r.role === holder.role)?.duty;
    return holder.people.map((p) => ({
      id: p.objectId.toLowerCase(),
      name: p.displayName,
      role: holder.role,
      duty: duty === 'inform' ? ('informed' as const) : ('asked' as const),
    }));
  });
  return mergeResponders(previous, wanted);
}

/** Adds people (each with the role they are told as) to the responders; `added` lists the new people. */
export function mergeResponders(
  previous: readonly Responder[],
  people: readonly { id: string; name: string; role: NotifyRole; duty: Responder['duty'] }[],
): { responders: Responder[]; added: Responder[] } {
  const responders = previous.map((r) => ({ ...r, roles: [...r.roles] }));
  const added: Responder[] = [];
  for (const p of people) {
    const known = responders.find((r) => r.id === p.id);
    if (known) {
      if (!known.roles.includes(p.role)) known.roles.push(p.role);
      if (p.duty === 'asked') known.duty = 'asked';
      continue;
    }
    const responder: Responder = { id: p.id, name: p.name, roles: [p.role], duty: p.duty };
    responders.push(responder);
    added.push(responder);
  }
  return { responders, added: added.map((a) => responders.find((r) => r.id === a.id) ?? a) };
}

/** The 影響範囲 of the 9.2 table for a level (level 3 has two criteria; the first is given). */
export function levelCriterion(level: IncidentLevel): string {
  const byLevel: Record<IncidentLevel, string> = {
    0: LEVEL_CRITERIA.none,
    1: LEVEL_CRITERIA.employees,
    2: LEVEL_CRITERIA.business,
    3: LEVEL_CRITERIA.external,
  };
  return byLevel[level];
}

/** 責任者 of the 9.2 table: 代表取締役 at level 3, インシデント対応責任者 at 1–2, システム管理者 at 0. */
export function ownerRole(level: IncidentLevel): NotifyRole {
  return level === 3 ? '代表取締役' : level === 0 ? 'システム管理者' : 'インシデント対応責任者';
}

/** 9.5 分類: the 9.4 区分 and the 9.2 事故レベル. */
export function classificationOf(category: IncidentCategory, level: IncidentLevel): string {
  return `${category} / 事故レベル${level}`;
}

/** 9.5 責任者・担当者, as first filled in: the 9.2 責任者 and the responders asked to act. */
export function ownerAndAssigneesOf(
  level: IncidentLevel,
  responders: readonly Responder[],
  profile: CompanyProfile,
): string {
  const role = ownerRole(level);
  const owners = resolveRoleHolders([role], profile).flatMap((h) => h.people.map((p) => p.displayName));
  const assignees = responders.filter((r) => r.duty === 'asked').map((r) => r.name);
  return `責任者: ${role} ${owners.join('、')} / 担当者: ${assignees.join('、')}`;
}
