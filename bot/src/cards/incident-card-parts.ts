import type { Locale } from '../i18n/locale';
import type { Incident } from '../incidents/incident-state';
import {
  answerLabel,
  categoryName,
  flagLabel,
  formatTime,
  impactLabel,
  phaseLabel,
  roleLabel,
} from '../incidents/labels';
import { msg } from '../incidents/messages';
import { literalText } from './card';
import { incidentVerbs } from './incident-verbs';

type Element = Record<string, unknown>;

/** A 9.3 / 6.6 contact as the reporter is shown it. */
export interface ContactView {
  label: string;
  name: string;
  phone: string;
  email: string;
  /** `人的対策 6.6`, `組織的対策 9.3`. */
  citation: string;
}

/** What an incident card shows beyond the record; built by the service from the pack and the profile. */
export interface IncidentCardView {
  locale: Locale;
  incident: Incident;
  /** Responders act; the reporter and security staff see the state read-only. */
  viewer: 'responder' | 'reporter' | 'observer';
  /** Why this card was sent now (a reminder, an escalation, for information); already in the card's language. */
  banner: string | null;
  /** A message about the last press (a refused change, a stale form), shown at the top. */
  notice: string | null;
  procedure: { citation: string; caption: string };
  /** For the reporter while the response is starting: 9.4 steps the reporter carries out, and whom to call. */
  whatToDoNow: { disconnect: boolean; steps: string[]; contacts: ContactView[] } | null;
  /** Teams user ids (MRIs) of the responders and the reporter, at most 60 (Universal Actions' limit). */
  refreshUserIds: string[];
  /** The profile's contact of each external body flagged (by contactKey). */
  externalContacts: Record<string, { organisation: string; desk: string; contact: string | null }>;
}

const LEVEL_COLOR = { 0: 'Default', 1: 'Default', 2: 'Warning', 3: 'Attention' } as const;

/** Teams refreshes the card for these people when they look at it: each sees the current state and their view. */
export function refreshOf(view: IncidentCardView): Record<string, unknown> {
  return {
    action: { type: 'Action.Execute', verb: incidentVerbs.refresh, data: { incidentId: view.incident.id } },
    userIds: view.refreshUserIds,
  };
}

export function header(view: IncidentCardView, title: string): Element[] {
  const { locale, incident } = view;
  const out: Element[] = [];
  if (view.notice)
    out.push({ type: 'TextBlock', text: view.notice, color: 'Attention', weight: 'Bolder', wrap: true });
  if (view.banner)
    out.push({ type: 'TextBlock', text: view.banner, color: 'Warning', weight: 'Bolder', wrap: true });
  out.push(
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: msg(locale, 'level', { level: incident.level }),
      color: LEVEL_COLOR[incident.level],
      weight: 'Bolder',
      size: 'Large',
      spacing: 'None',
    },
    ...levelReason(view),
    {
      type: 'TextBlock',
      text: `${msg(locale, 'phase', { phase: phaseLabel(locale, incident.phase) })} · ${acknowledgement(view)}`,
      wrap: true,
    },
  );
  return out;
}

function levelReason(view: IncidentCardView): Element[] {
  const { locale, incident } = view;
  const r = incident.levelReason;
  const out: Element[] = [literalText(`${r.part} ${r.section}「${r.text}」`, { isSubtle: true })];
  if (r.provisional)
    out.push({ type: 'TextBlock', text: msg(locale, 'levelProvisional'), wrap: true, size: 'Small' });
  const last = incident.levelHistory[incident.levelHistory.length - 1];
  if (r.source === 'responder' && last) {
    out.push(
      literalText(msg(locale, 'levelChangedBy', { name: last.byName, reason: last.reason }), {
        isSubtle: true,
      }),
    );
  }
  return out;
}

function acknowledgement(view: IncidentCardView): string {
  const { locale, incident } = view;
  const by =
    incident.responders.find((r) => r.id === incident.acknowledgedBy)?.name ?? incident.acknowledgedBy;
  return incident.acknowledgedAt && by
    ? msg(locale, 'acknowledgedBy', { name: by, at: formatTime(locale, incident.acknowledgedAt) })
    : msg(locale, 'notAcknowledged');
}

/** The report as the reporter gave it (values typed by the reporter are shown literally). */
export function facts(view: IncidentCardView): Element[] {
  const { locale, incident } = view;
  const i = incident.inputs;
  const m = (key: Parameters<typeof msg>[1]) => msg(locale, key);
  let personal = answerLabel(locale, i.personalData);
  if (i.personalDataCount !== null)
    personal = msg(locale, 'personalDataCount', { answer: personal, count: i.personalDataCount });
  if (i.specificPersonalInfo) personal += ` / ${m('specificIncluded')}`;
  return [
    {
      type: 'FactSet',
      facts: [
        { title: m('factCategory'), value: categoryName(locale, incident.category) },
        { title: m('factReporter'), value: `${incident.reporterName} (${incident.reporterPhone})` },
        { title: m('factDiscovered'), value: formatTime(locale, incident.discoveredAt) },
        { title: m('factOccurred'), value: formatTime(locale, incident.occurredAt) },
        { title: m('factPersonalData'), value: personal },
        { title: m('factImpact'), value: impactLabel(locale, i.impact) },
        { title: m('factUnauthorized'), value: flagLabel(locale, i.unauthorizedAccess) },
        { title: m('factTeleworking'), value: flagLabel(locale, i.teleworking) },
      ],
    },
    literalText(`${m('rfWhat')}: ${incident.whatHappened}`),
    literalText(`${m('factSystems')}: ${i.systems}`, { isSubtle: true }),
  ];
}

/** Who was told and as what; those Teams could not reach, with the phone to call instead. */
export function whoWasTold(view: IncidentCardView): Element[] {
  const { locale, incident } = view;
  const out: Element[] = [
    { type: 'TextBlock', text: msg(locale, 'whoWasTold'), weight: 'Bolder', wrap: true, separator: true },
  ];
  if (incident.routing !== 'done' && incident.responders.length === 0) {
    out.push({ type: 'TextBlock', text: msg(locale, 'notifying'), wrap: true });
  }
  for (const r of incident.responders) {
    const duty = msg(locale, r.duty === 'asked' ? 'dutyAsked' : 'dutyInformed');
    out.push(
      literalText(`${r.name}（${r.roles.map((role) => roleLabel(locale, role)).join('・')}: ${duty}）`),
    );
  }
  if (incident.unreachable.length > 0) {
    out.push({ type: 'TextBlock', text: msg(locale, 'unreachableTitle'), color: 'Attention', wrap: true });
    for (const u of incident.unreachable) {
      const phone = [u.phone, u.email].filter(Boolean).join(' / ') || msg(locale, 'unknown');
      out.push(
        literalText(msg(locale, 'unreachableLine', { name: u.name, role: roleLabel(locale, u.role), phone })),
      );
    }
  }
  return out;
}
