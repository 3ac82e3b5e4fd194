import type { CompanyProfile, PersonRef } from '../policy/company-profile';
import { organizational } from './citations';
import type { Citation, IncidentLevel, NotifyRole } from './schema';

/**
 * - `report-at-once`: told immediately (level 3: 「即座に…報告する」, 9.4 ①発見報告 and level 3 step 1);
 * - `report-first`: the first responder the reporter reports to (9.1 一次対応者, 9.4 levels 0–2 step 1);
 * - `inform`: kept informed (the インシデント対応責任者 is 責任者 of levels 1–2 in 9.2 and hears of the
 *   incident from the システム管理者, 9.4 level 2 step 2).
 */
export type Duty = 'report-at-once' | 'report-first' | 'inform';

export interface Recipient {
  role: NotifyRole;
  duty: Duty;
}

export interface Routing {
  level: IncidentLevel;
  recipients: Recipient[];
  /** The recipients' role names in order, as the triage CLI prints them. */
  roles: NotifyRole[];
  citations: Citation[];
}

const ROUTES: Record<IncidentLevel, { recipients: Recipient[]; cite: string[] }> = {
  3: {
    recipients: [
      { role: 'インシデント対応責任者', duty: 'report-at-once' },
      { role: '代表取締役', duty: 'report-at-once' },
    ],
    // 9.1 対応体制 (代表取締役 最高責任者), 9.2 責任者 of level 3, 9.4 ①発見報告.
    cite: ['9.1', '9.2', '9.4'],
  },
  2: {
    recipients: [
      { role: 'システム管理者', duty: 'report-first' },
      { role: 'インシデント対応責任者', duty: 'inform' },
    ],
    // 9.1 一次対応者, 9.2 責任者 of levels 1–2, 9.3 連絡網 (level 1 and above), 9.4 step 1 of levels 1–2.
    cite: ['9.1', '9.2', '9.3', '9.4'],
  },
  1: {
    recipients: [
      { role: 'システム管理者', duty: 'report-first' },
      { role: 'インシデント対応責任者', duty: 'inform' },
    ],
    cite: ['9.1', '9.2', '9.3', '9.4'],
  },
  // 9.2: the システム管理者 is 責任者 of level 0; 9.3's reporting line starts at level 1.
  0: { recipients: [{ role: 'システム管理者', duty: 'report-first' }], cite: ['9.2'] },
};

/** Who is told of an incident of this level, in the order they are told (9.1, 9.2, 9.3, 9.4). */
export function route(level: IncidentLevel): Routing {
  const { recipients, cite } = ROUTES[level];
  return {
    level,
    recipients: recipients.map((r) => ({ ...r })),
    roles: recipients.map((r) => r.role),
    citations: cite.map(organizational),
  };
}

/** A 9.3 連絡網 entry: how to reach a role holder in an emergency. */
export interface EmergencyContact {
  role: NotifyRole | null;
  label: string;
  person: PersonRef;
  department: string | null;
  phone: string;
  email: string;
  citation: Citation;
}

export interface RoleHolders {
  role: NotifyRole;
  /** From the profile: `representativeDirector` for 代表取締役, `roles[role]` otherwise. */
  people: PersonRef[];
  /** The role's entries in the profile's 9.3 連絡網 (`contacts.incident`). */
  contacts: EmergencyContact[];
}

/** The people who hold each role, with their emergency contacts, from the company profile. */
export function resolveRoleHolders(roles: readonly NotifyRole[], profile: CompanyProfile): RoleHolders[] {
  return roles.map((role) => ({
    role,
    people: role === '代表取締役' ? [profile.representativeDirector] : [...profile.roles[role]],
    contacts: profile.contacts.incident
      .filter((c) => c.role === role)
      .map((c) => ({
        role,
        label: role,
        person: c.person,
        department: c.department,
        phone: c.mobilePhone,
        email: c.email,
        citation: organizational('9.3'),
      })),
  }));
}

// whatToDoNow (virus: disconnect first; teleworking: the 人的対策 6.6 emergency contact) needs the 9.4
// procedures as well as the profile; it is in what-to-do-now.ts.
