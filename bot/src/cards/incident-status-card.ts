import type { Locale } from '../i18n/locale';
import { msg } from '../incidents/messages';
import { card, literalText, type AdaptiveCardJson } from './card';
import {
  facts,
  header,
  refreshOf,
  whoWasTold,
  type ContactView,
  type IncidentCardView,
} from './incident-card-parts';
import { execute, incidentVerbs } from './incident-verbs';

type Element = Record<string, unknown>;

/**
 * The reporter's card (and a read-only card for security staff): the level with the 9.2 rule, what to
 * do now, who was told; at the final report, the report's outcome. No button changes anything.
 */
export function incidentStatusCard(view: IncidentCardView): AdaptiveCardJson {
  const { locale, incident } = view;
  const final = incident.phase === '最終報告';
  const title = final
    ? msg(locale, 'finalTitle', { reference: incident.reference })
    : msg(locale, 'statusTitle', { reference: incident.reference });
  const body: Element[] = [...header(view, title)];
  if (view.viewer === 'reporter' && !final) {
    body.push({ type: 'TextBlock', text: msg(locale, 'statusReceived'), wrap: true });
  }
  if (view.whatToDoNow && !final) body.push(...whatToDoNow(locale, view.whatToDoNow));
  if (final) body.push(...outcome(view));
  body.push(...whoWasTold(view), ...facts(view));
  return {
    ...card(body, [execute(msg(locale, 'myReports'), incidentVerbs.myReports, {})]),
    refresh: refreshOf(view),
  };
}

function whatToDoNow(locale: Locale, now: NonNullable<IncidentCardView['whatToDoNow']>): Element[] {
  const out: Element[] = [
    { type: 'TextBlock', text: msg(locale, 'whatToDoNow'), weight: 'Bolder', wrap: true, separator: true },
  ];
  if (now.disconnect) {
    out.push({
      type: 'TextBlock',
      text: msg(locale, 'disconnectFirst'),
      color: 'Attention',
      weight: 'Bolder',
      wrap: true,
    });
  }
  now.steps.forEach((step, i) => out.push(literalText(`${i + 1}. ${step}`)));
  out.push(...contacts(locale, now.contacts));
  return out;
}

function contacts(locale: Locale, list: readonly ContactView[]): Element[] {
  if (list.length === 0) return [];
  return [
    { type: 'TextBlock', text: msg(locale, 'contactsTitle'), weight: 'Bolder', wrap: true },
    ...list.map((c) => literalText(msg(locale, 'contactLine', { ...c }))),
  ];
}

/** The 9.5 fields the reporter is told at the end: what was done and what will prevent it again. */
function outcome(view: IncidentCardView): Element[] {
  const { locale, incident } = view;
  const out: Element[] = [{ type: 'TextBlock', text: msg(locale, 'finalIntro'), wrap: true }];
  const fields = [
    ['rfProgress', incident.responseProgress],
    ['rfCause', incident.suspectedCause],
    ['rfPrevention', incident.preventionMeasures],
  ] as const;
  for (const [key, value] of fields) {
    if (value) out.push(literalText(`${msg(locale, key)}: ${value}`));
  }
  return out;
}

/** The store is down: the report waits in the outbox; the reporter gets what to do now and whom to call. */
export function incidentQueuedCard(input: {
  locale: Locale;
  level: number;
  rule: string;
  whatToDoNow: NonNullable<IncidentCardView['whatToDoNow']>;
}): AdaptiveCardJson {
  const { locale } = input;
  return card([
    { type: 'TextBlock', text: msg(locale, 'intakeTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: msg(locale, 'level', { level: input.level }),
      weight: 'Bolder',
      size: 'Large',
    },
    literalText(input.rule, { isSubtle: true }),
    { type: 'TextBlock', text: msg(locale, 'queued'), color: 'Warning', wrap: true },
    ...whatToDoNow(locale, input.whatToDoNow),
  ]);
}
