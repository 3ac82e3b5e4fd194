import type { Locale } from '../i18n/locale';
import { categoryName, formatTime, phaseLabel } from '../incidents/labels';
import { msg } from '../incidents/messages';
import { INCIDENT_PHASES, type IncidentPhase } from '../incidents/records';
import type { IncidentCategory } from '../incidents/schema';
import { card, literalText, type AdaptiveCardJson } from './card';
import { execute, incidentVerbs } from './incident-verbs';

export interface IncidentListItem {
  id: string;
  reference: string;
  category: IncidentCategory;
  level: number;
  phase: IncidentPhase;
  createdAt: string;
}

type Element = Record<string, unknown>;

function row(locale: Locale, item: IncidentListItem, withLevel: boolean): Element {
  const text = msg(locale, 'listRow', {
    reference: item.reference,
    category: categoryName(locale, item.category),
    phase: phaseLabel(locale, item.phase),
    date: formatTime(locale, item.createdAt),
  });
  const label = withLevel ? `${msg(locale, 'level', { level: item.level })} · ${text}` : text;
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      { type: 'Column', width: 'stretch', items: [literalText(label)] },
      {
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'ActionSet',
            actions: [execute(msg(locale, 'open'), incidentVerbs.open, { incidentId: item.id })],
          },
        ],
      },
    ],
  };
}

/** 「自分の報告」: the reporter's incidents, newest first, with level and phase. */
export function myReportsCard(locale: Locale, items: readonly IncidentListItem[]): AdaptiveCardJson {
  const body: Element[] = [
    { type: 'TextBlock', text: msg(locale, 'listMineTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (items.length === 0) body.push({ type: 'TextBlock', text: msg(locale, 'listMineEmpty'), wrap: true });
  body.push(...items.map((item) => row(locale, item, true)));
  return card(body);
}

/** Open incidents for responders: by level (highest first), then by phase (earliest first). */
export function openIncidentsCard(locale: Locale, items: readonly IncidentListItem[]): AdaptiveCardJson {
  const body: Element[] = [
    { type: 'TextBlock', text: msg(locale, 'listOpenTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (items.length === 0) body.push({ type: 'TextBlock', text: msg(locale, 'listOpenEmpty'), wrap: true });
  for (const level of [3, 2, 1, 0]) {
    const group = items
      .filter((i) => i.level === level)
      .sort(
        (a, b) =>
          INCIDENT_PHASES.indexOf(a.phase) - INCIDENT_PHASES.indexOf(b.phase) ||
          a.createdAt.localeCompare(b.createdAt),
      );
    if (group.length === 0) continue;
    body.push({
      type: 'TextBlock',
      text: msg(locale, 'listLevelHeading', { level, count: group.length }),
      weight: 'Bolder',
      color: level === 3 ? 'Attention' : level === 2 ? 'Warning' : 'Default',
      wrap: true,
      separator: true,
    });
    body.push(...group.map((item) => row(locale, item, false)));
  }
  return card(body);
}
