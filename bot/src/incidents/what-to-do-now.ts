import type { CompanyProfile } from '../policy/company-profile';
import type { PolicyPack } from '../policy/pack';
import { human, organizational } from './citations';
import { assessLevel, type LevelAssessment } from './level';
import { resolveRoleHolders, route, type EmergencyContact } from './routing';
import type { Citation, IncidentReport } from './schema';
import { proceduresOf, stepsFor } from './steps';

/** The first thing a reporter of a virus infection does, before anything else. */
export const DISCONNECT = 'ネットワークから切り離す';

export interface ImmediateAction {
  kind: 'disconnect' | 'step';
  text: string;
  notes: string[];
  citation: Citation;
}

/** Shown to the reporter as soon as the report is in, before any responder has looked at it. */
export interface WhatToDoNow {
  level: LevelAssessment;
  actions: ImmediateAction[];
  /** Whom to call now: the 人的対策 6.6 emergency contact when teleworking, then the 9.3 連絡網 entries. */
  contacts: EmergencyContact[];
}

/** The reporter is the 発見者 of the 9.4 tables: their own steps are the ones that name them. */
const REPORTER = /^発見者/;

/**
 * What the reporter does now.
 * - ウイルス感染: 「ネットワークから切り離す」 first, then every step of the 9.4 virus procedure, which is
 *   written for the employee (「従業員は…以下を実行する」).
 * - Other categories: the steps of the matching 9.4 procedure that the 発見者 carries out (reporting).
 * - Teleworking: 人的対策 6.6's 緊急連絡先 comes first among the contacts. 6.6 names 「ウイルス感染の疑いや、
 *   情報機器や書類の紛失・盗難などのセキュリティ事故」, so it is given for any incident while teleworking,
 *   loss and theft of devices or papers included.
 * The routed roles' 9.3 contacts follow (those reported to, not those only informed), each person once.
 */
export function whatToDoNow(
  report: IncidentReport,
  ctx: { pack: PolicyPack; profile: CompanyProfile },
): WhatToDoNow {
  const level = assessLevel(report);
  const list = stepsFor(proceduresOf(ctx.pack), report.category, level.level);
  const cite = list.citations[0] ?? organizational('9.4');
  const asAction = (s: { text: string; notes: string[] }): ImmediateAction => ({
    kind: 'step',
    text: s.text,
    notes: s.notes,
    citation: cite,
  });

  let actions: ImmediateAction[];
  if (report.category === 'ウイルス感染') {
    actions = [
      { kind: 'disconnect', text: DISCONNECT, notes: [], citation: cite },
      ...list.steps.map(asAction),
    ];
  } else {
    const own = list.steps.filter((s) => REPORTER.test(s.text));
    actions = (own.length > 0 ? own : list.steps.slice(0, 1)).map(asAction);
  }

  const contacts: EmergencyContact[] = [];
  if (report.teleworking) {
    const e = ctx.profile.contacts.telework.emergency;
    contacts.push({
      role: null,
      label: e.label,
      person: e.person,
      department: null,
      phone: e.phone,
      email: e.email,
      citation: human('6.6'),
    });
  }
  const told = route(level.level)
    .recipients.filter((r) => r.duty !== 'inform')
    .map((r) => r.role);
  for (const holder of resolveRoleHolders(told, ctx.profile)) {
    for (const c of holder.contacts) {
      if (!contacts.some((x) => x.person.objectId === c.person.objectId)) contacts.push(c);
    }
  }
  return { level, actions, contacts };
}
