import { levelCriterion } from '../incidents/incident-plan';
import { bodyLabel, categoryLabel, formatTime, reasonLabel, urgencyLabel } from '../incidents/labels';
import { msg, type IncidentMessageKey } from '../incidents/messages';
import { REASON_MAX, REPORT_TEXT_MAX } from '../incidents/records';
import { INCIDENT_CATEGORIES, INCIDENT_LEVELS } from '../incidents/schema';
import { literalText } from './card';
import type { IncidentCardView } from './incident-card-parts';
import { execute, incidentVerbs } from './incident-verbs';

type Element = Record<string, unknown>;

/** The 9.5 fields a responder writes; 分類, 発覚日時 and 発生日時 come from the report and the level. */
export const EDITABLE_REPORT_FIELDS = [
  ['ownerAndAssignees', 'rfOwner'],
  ['whatHappened', 'rfWhat'],
  ['responseProgress', 'rfProgress'],
  ['suspectedCause', 'rfCause'],
  ['causeBackground', 'rfBackground'],
  ['damagedSystems', 'rfSystems'],
  ['preventionMeasures', 'rfPrevention'],
] as const satisfies readonly (readonly [string, IncidentMessageKey])[];
export type EditableReportField = (typeof EDITABLE_REPORT_FIELDS)[number][0];

const showCard = (title: string, body: Element[], actions: Element[]) => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions },
});

/** Change the 9.4 区分 and the 9.2 level, with a reason (recorded and audited). */
export function reclassifyAction(view: IncidentCardView): Element {
  const { locale, incident } = view;
  return showCard(
    msg(locale, 'reclassify'),
    [
      {
        type: 'Input.ChoiceSet',
        id: 'newCategory',
        label: msg(locale, 'fieldCategory'),
        value: incident.category,
        choices: INCIDENT_CATEGORIES.map((c) => ({ title: categoryLabel(locale, c), value: c })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'newLevel',
        label: msg(locale, 'fieldLevel'),
        value: String(incident.level),
        choices: INCIDENT_LEVELS.map((l) => ({
          title: msg(locale, 'levelChoice', { level: l, criterion: levelCriterion(l) }),
          value: String(l),
        })),
      },
      {
        type: 'Input.Text',
        id: 'reason',
        label: msg(locale, 'fieldReason'),
        isMultiline: true,
        maxLength: REASON_MAX,
        isRequired: true,
        errorMessage: msg(locale, 'errReason'),
      },
    ],
    [
      execute(
        msg(locale, 'saveChange'),
        incidentVerbs.reclassify,
        // How many changes the form was made after: one filled in before another change is refused.
        { incidentId: incident.id, revision: incident.levelHistory.length },
        { inputs: 'auto' },
      ),
    ],
  );
}

/** Edit the report of 組織的対策 9.5. */
export function editReportAction(view: IncidentCardView): Element {
  const { locale, incident } = view;
  const inputs: Element[] = EDITABLE_REPORT_FIELDS.map(([id, label]) => ({
    type: 'Input.Text',
    id,
    label: msg(locale, label),
    isMultiline: true,
    maxLength: REPORT_TEXT_MAX,
    ...(incident[id] ? { value: incident[id] } : {}),
  }));
  return showCard(
    msg(locale, 'editReport'),
    [
      { type: 'TextBlock', text: msg(locale, 'reportTitle'), weight: 'Bolder', wrap: true },
      literalText(`${msg(locale, 'rfClassification')}: ${incident.classification}`, { isSubtle: true }),
      ...inputs,
    ],
    [
      execute(
        msg(locale, 'save'),
        incidentVerbs.editReport,
        { incidentId: incident.id, revision: incident.reportRevision },
        { inputs: 'auto' },
      ),
    ],
  );
}

/** The bodies flagged (9.4, 9.6) with the profile's contact, why, how urgent, and whether it was done. */
export function externalSection(view: IncidentCardView, open: boolean): Element[] {
  const { locale, incident } = view;
  if (incident.external.length === 0) return [];
  const out: Element[] = [
    { type: 'TextBlock', text: msg(locale, 'externalTitle'), weight: 'Bolder', wrap: true, separator: true },
  ];
  for (const flag of incident.external) {
    const contact = view.externalContacts[flag.contactKey];
    const why = [reasonLabel(locale, flag.reason), urgencyLabel(locale, flag.urgency)];
    if (flag.seriousIncident === 'yes') why.push(msg(locale, 'seriousYes'));
    if (flag.seriousIncident === 'possible') why.push(msg(locale, 'seriousPossible'));
    const items: Element[] = [
      {
        type: 'TextBlock',
        text: `${bodyLabel(locale, flag.body)}: ${why.join(' / ')}`,
        wrap: true,
        weight: 'Bolder',
      },
      literalText(`${contact?.organisation ?? ''} ${contact?.desk ?? ''}`.trim(), { isSubtle: true }),
      literalText(contact?.contact ?? msg(locale, 'contactToBeFilled')),
      literalText(`${flag.citation.part} ${flag.citation.section}`, { isSubtle: true }),
    ];
    if (flag.reported) {
      const at = formatTime(locale, flag.reported.at);
      items.push({
        type: 'TextBlock',
        text: msg(locale, 'reportedBy', { name: flag.reported.byName, at }),
        color: 'Good',
        wrap: true,
      });
    } else if (open) {
      items.push({
        type: 'ActionSet',
        actions: [
          execute(msg(locale, 'markReported'), incidentVerbs.external, {
            incidentId: incident.id,
            body: flag.body,
            reason: flag.reason,
          }),
        ],
      });
    }
    out.push({ type: 'Container', items, separator: true });
  }
  return out;
}
