import type { ChecklistItem } from '../incidents/incident-state';
import { categoryName, formatTime, nextPhase, phaseLabel } from '../incidents/labels';
import { msg } from '../incidents/messages';
import { INCIDENT_PHASES } from '../incidents/records';
import { card, literalText, type AdaptiveCardJson } from './card';
import { facts, header, refreshOf, whoWasTold, type IncidentCardView } from './incident-card-parts';
import { editReportAction, externalSection, reclassifyAction } from './incident-responder-forms';
import { execute, incidentVerbs } from './incident-verbs';

type Element = Record<string, unknown>;

/**
 * The responders' card: the 9.4 checklist, the 9.5 phase, acknowledgement, level changes, the 9.5
 * report and the external reports. Every button sends the incident id and what it asks for; the
 * server decides on its own record. At the final report the card is read-only.
 */
export function incidentResponderCard(view: IncidentCardView): AdaptiveCardJson {
  const { locale, incident } = view;
  const open = incident.phase !== '最終報告';
  const title = msg(locale, 'responderTitle', {
    reference: incident.reference,
    category: categoryName(locale, incident.category),
  });
  const body: Element[] = [
    ...header(view, title),
    ...facts(view),
    ...checklist(view, open),
    ...phases(view, open),
    ...externalSection(view, open),
    ...whoWasTold(view),
  ];
  const actions: Record<string, unknown>[] = [];
  if (open && !incident.acknowledgedAt) {
    actions.push(
      execute(
        msg(locale, 'acknowledge'),
        incidentVerbs.acknowledge,
        { incidentId: incident.id },
        { style: 'positive' },
      ),
    );
  }
  if (open) actions.push(reclassifyAction(view), editReportAction(view));
  return { ...card(body, actions), refresh: refreshOf(view) };
}

function checklist(view: IncidentCardView, open: boolean): Element[] {
  const { locale, incident, procedure } = view;
  return [
    {
      type: 'TextBlock',
      text: msg(locale, 'checklistTitle', { citation: procedure.citation, caption: procedure.caption }),
      weight: 'Bolder',
      wrap: true,
      separator: true,
    },
    ...incident.checklist.map((item) => step(view, item, open)),
  ];
}

function step(view: IncidentCardView, item: ChecklistItem, open: boolean): Element {
  const { locale, incident } = view;
  const lines: Element[] = [literalText(item.number ? `${item.number}. ${item.text}` : item.text)];
  for (const note of item.notes) lines.push(literalText(note, { isSubtle: true }));
  if (item.done) {
    const at = formatTime(locale, item.done.at);
    lines.push({
      type: 'TextBlock',
      text: msg(locale, 'stepDoneBy', { name: item.done.byName, at }),
      color: 'Good',
      size: 'Small',
      wrap: true,
      spacing: 'None',
    });
  }
  const columns: Element[] = [{ type: 'Column', width: 'stretch', items: lines }];
  if (open) {
    const done = item.done !== null;
    const button = execute(
      msg(locale, done ? 'stepUndo' : 'stepDone'),
      incidentVerbs.step,
      // The state asked for, not a toggle: a redelivered press sets the same state again.
      { incidentId: incident.id, stepId: item.id, done: !done },
    );
    columns.push({
      type: 'Column',
      width: 'auto',
      verticalContentAlignment: 'Center',
      items: [{ type: 'ActionSet', actions: [button] }],
    });
  }
  return { type: 'ColumnSet', columns, separator: true };
}

function phases(view: IncidentCardView, open: boolean): Element[] {
  const { locale, incident } = view;
  const current = INCIDENT_PHASES.indexOf(incident.phase);
  const out: Element[] = [
    { type: 'TextBlock', text: msg(locale, 'phaseTitle'), weight: 'Bolder', wrap: true, separator: true },
    {
      type: 'TextBlock',
      text: INCIDENT_PHASES.map((p, i) =>
        i === current ? `**${phaseLabel(locale, p)}**` : phaseLabel(locale, p),
      ).join(' → '),
      wrap: true,
    },
  ];
  const next = nextPhase(incident.phase);
  if (open && next) {
    out.push({
      type: 'ActionSet',
      actions: [
        execute(
          msg(locale, 'advanceTo', { phase: phaseLabel(locale, next) }),
          incidentVerbs.advance,
          // `from` makes a second press (or a second responder) find the phase already moved on.
          { incidentId: incident.id, from: incident.phase },
        ),
      ],
    });
  }
  return out;
}
