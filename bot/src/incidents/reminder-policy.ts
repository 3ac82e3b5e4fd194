import type { CompanyProfile } from '../policy/company-profile';
import type { Responder } from './incident-state';
import { resolveRoleHolders } from './routing';
import type { IncidentLevel, NotifyRole } from './schema';

export interface ReminderPolicy {
  /** How long responders have to acknowledge a level 2–3 incident before a reminder. */
  urgentMs: number;
  /** The same for levels 0–1. */
  normalMs: number;
  /** Reminders and escalations stop after this many; the incident stays open and listed. */
  maxReminders: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  urgentMs: 30 * 60_000,
  normalMs: 4 * 60 * 60_000,
  maxReminders: 8,
};

export function reminderDelayMs(level: IncidentLevel, policy: ReminderPolicy): number {
  return level >= 2 ? policy.urgentMs : policy.normalMs;
}

/** Who answers for an incident above whom (9.1 一次対応者 → 対応責任者 → 最高責任者). */
export const ESCALATION_CHAIN = [
  'システム管理者',
  'インシデント対応責任者',
  '代表取締役',
] as const satisfies readonly NotifyRole[];

/**
 * The next role up from the highest one a responder was asked to act as, with its holders who have not
 * been asked yet. A role whose holders were all asked already (one person can hold two roles) is passed
 * over. Null when the top of the chain has been asked.
 */
export function escalationTarget(
  responders: readonly Responder[],
  profile: CompanyProfile,
): { role: NotifyRole; people: { id: string; name: string }[] } | null {
  const asked = responders.filter((r) => r.duty === 'asked');
  const top = Math.max(
    -1,
    ...asked.flatMap((r) =>
      r.roles.map((role) => ESCALATION_CHAIN.indexOf(role as (typeof ESCALATION_CHAIN)[number])),
    ),
  );
  for (const role of ESCALATION_CHAIN.slice(top + 1)) {
    const people = resolveRoleHolders([role], profile)
      .flatMap((h) => h.people)
      .map((p) => ({ id: p.objectId.toLowerCase(), name: p.displayName }))
      .filter((p) => !asked.some((r) => r.id === p.id));
    if (people.length > 0) return { role, people };
  }
  return null;
}
