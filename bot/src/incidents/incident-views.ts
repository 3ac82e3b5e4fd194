import type { AdaptiveCardJson } from '../cards/card';
import type { IncidentCardView } from '../cards/incident-card-parts';
import { incidentResponderCard } from '../cards/incident-responder-card';
import { incidentStatusCard } from '../cards/incident-status-card';
import type { Locale } from '../i18n/locale';
import type { CompanyProfile } from '../policy/company-profile';
import { procedureOf, triageInputOf } from './incident-plan';
import { isResponder, type Incident, type IntakeValues } from './incident-state';
import type { IncidentCategory, IncidentLevel } from './schema';
import type { IncidentContext } from './triage';
import { whatToDoNow } from './what-to-do-now';

export type Viewer = IncidentCardView['viewer'];

/** How a person sees an incident: responders act; the reporter and security staff read; others see nothing. */
export function viewerOf(incident: Incident, userId: string | undefined, isStaff: boolean): Viewer | null {
  if (isResponder(incident, userId)) return 'responder';
  if (userId !== undefined && userId.toLowerCase() === incident.reporterId) return 'reporter';
  return isStaff ? 'observer' : null;
}

/** What the reporter does now (9.4, 人的対策 6.6), for the report as it is now classified. */
export function reporterActions(
  ctx: IncidentContext,
  values: IntakeValues,
  category: IncidentCategory,
): NonNullable<IncidentCardView['whatToDoNow']> {
  const now = whatToDoNow(
    { ...triageInputOf({ ...values, category }, 'now'), teleworking: values.teleworking },
    ctx,
  );
  return {
    disconnect: now.actions.some((a) => a.kind === 'disconnect'),
    steps: now.actions.filter((a) => a.kind === 'step').map((a) => a.text),
    contacts: now.contacts.map((c) => ({
      label: c.label,
      name: c.person.displayName,
      phone: c.phone,
      email: c.email,
      citation: `${c.citation.part} ${c.citation.section}`,
    })),
  };
}

function procedureView(ctx: IncidentContext, category: IncidentCategory, level: IncidentLevel) {
  const list = procedureOf(ctx, category, level);
  const cite = list.citations[list.citations.length - 1];
  const caption = list.source
    ? `${list.source.caption}${list.source.level === null ? '' : ` 事故レベル${list.source.level}`}`
    : 'その他（区分・事故レベルの判断）';
  return { citation: cite ? `${cite.part} ${cite.section}` : '組織的対策 9.4', caption };
}

function externalContacts(profile: CompanyProfile, incident: Incident): IncidentCardView['externalContacts'] {
  const out: IncidentCardView['externalContacts'] = {};
  const all = profile.contacts.external as Record<string, CompanyProfile['contacts']['external']['ipaVirus']>;
  for (const flag of incident.external) {
    const c = all[flag.contactKey];
    if (!c) continue;
    const reach = [c.phone, c.email, c.url].filter((v): v is string => Boolean(v)).join(' / ');
    out[flag.contactKey] = {
      organisation: c.organisation,
      desk: c.desk,
      contact: c.toBeFilled || reach === '' ? null : reach,
    };
  }
  return out;
}

/** The card a viewer gets of an incident: the responders' card, or the read-only status card. */
export function incidentCard(
  ctx: IncidentContext,
  incident: Incident,
  viewer: Viewer,
  locale: Locale,
  extras: { banner?: string | null; notice?: string | null } = {},
): AdaptiveCardJson {
  const starting = incident.phase === '発見報告' || incident.phase === '初動';
  const view: IncidentCardView = {
    locale,
    incident,
    viewer,
    banner: extras.banner ?? null,
    notice: extras.notice ?? null,
    procedure: procedureView(ctx, incident.category, incident.level),
    whatToDoNow:
      viewer === 'reporter' && starting ? reporterActions(ctx, incident.inputs, incident.category) : null,
    externalContacts: externalContacts(ctx.profile, incident),
    refreshUserIds: [...new Set([...incident.responders.map((r) => r.id), incident.reporterId])]
      .slice(0, 60)
      .map((id) => ctx.teamsUserId?.(id) ?? id),
  };
  return viewer === 'responder' ? incidentResponderCard(view) : incidentStatusCard(view);
}
