import type { Locale } from '../i18n/locale';
import type { IntakeDraft, IntakeErrors, IntakeField } from '../incidents/intake';
import { categoryLabel, impactLabel } from '../incidents/labels';
import { msg, type IncidentMessageKey } from '../incidents/messages';
import { REPORT_TEXT_MAX } from '../incidents/records';
import { IMPACTS, INCIDENT_CATEGORIES } from '../incidents/schema';
import { card, type AdaptiveCardJson } from './card';
import { execute, incidentVerbs } from './incident-verbs';

export interface IntakeCardInput {
  locale: Locale;
  /** Random per card: makes a submit idempotent (a second press finds the report it made). */
  submissionId: string;
  /** The values shown in the inputs: preselected from the user's words, or what they submitted. */
  draft: IntakeDraft;
  errors: IntakeErrors;
  /** Responders and security staff also get a button to the open incidents. */
  showOpenList: boolean;
}

type Element = Record<string, unknown>;

const FORMATS: Record<string, RegExp> = {
  'Input.Date': /^\d{4}-\d{2}-\d{2}$/,
  'Input.Time': /^\d{2}:\d{2}$/,
  'Input.Number': /^\d{1,9}$/,
};

/** A typed value goes back into its input only in a form the input accepts (a number input takes a number). */
function shown(type: unknown, value: string | undefined): string | number | undefined {
  if (value === undefined || value === '') return undefined;
  const format = typeof type === 'string' ? FORMATS[type] : undefined;
  if (format && !format.test(value.trim())) return undefined;
  return type === 'Input.Number' ? Number(value) : value;
}

/** The incident report form (組織的対策 9.3 報告, 9.5 fields the reporter knows). */
export function incidentIntakeCard(input: IntakeCardInput): AdaptiveCardJson {
  const { locale, draft, errors } = input;
  const m = (key: IncidentMessageKey) => msg(locale, key);
  const field = (id: IntakeField, element: Element, required = false): Element[] => {
    const error = errors[id];
    const value = shown(element.type, draft[id]);
    return [
      {
        ...element,
        id,
        ...(value !== undefined ? { value } : {}),
        ...(required ? { isRequired: true, errorMessage: m(error ?? 'errInvalid') } : {}),
      },
      ...(error
        ? [{ type: 'TextBlock', text: m(error), color: 'Attention', size: 'Small', wrap: true }]
        : []),
    ];
  };
  const toggle = (id: IntakeField, title: IncidentMessageKey) =>
    field(id, { type: 'Input.Toggle', title: m(title), valueOn: 'true', valueOff: 'false' });
  const yesNoUnknown = ['yes', 'no', 'unknown'] as const;

  const body: Element[] = [
    { type: 'TextBlock', text: m('intakeTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: m('intakeIntro'), isSubtle: true, wrap: true },
    ...(Object.keys(errors).length > 0
      ? [{ type: 'TextBlock', text: m('intakeHasErrors'), color: 'Attention', weight: 'Bolder', wrap: true }]
      : []),
    ...field(
      'category',
      {
        type: 'Input.ChoiceSet',
        label: m('fieldCategory'),
        style: 'expanded',
        choices: INCIDENT_CATEGORIES.map((c) => ({ title: categoryLabel(locale, c), value: c })),
      },
      true,
    ),
    ...field(
      'whatHappened',
      { type: 'Input.Text', label: m('fieldWhatHappened'), isMultiline: true, maxLength: REPORT_TEXT_MAX },
      true,
    ),
    ...field('discoveredDate', { type: 'Input.Date', label: m('fieldDiscovered') }, true),
    ...field('discoveredTime', { type: 'Input.Time', label: m('fieldTime') }, true),
    ...field('occurredDate', { type: 'Input.Date', label: m('fieldOccurred') }),
    ...field('occurredTime', { type: 'Input.Time', label: m('fieldTime') }),
    ...field(
      'systems',
      { type: 'Input.Text', label: m('fieldSystems'), isMultiline: true, maxLength: REPORT_TEXT_MAX },
      true,
    ),
    ...field(
      'personalData',
      {
        type: 'Input.ChoiceSet',
        label: m('fieldPersonalData'),
        style: 'expanded',
        choices: yesNoUnknown.map((a) => ({ title: m(a), value: a })),
      },
      true,
    ),
    ...field('personalDataCount', { type: 'Input.Number', label: m('fieldPersonalDataCount'), min: 0 }),
    ...toggle('specificPersonalInfo', 'fieldSpecific'),
    ...field(
      'impact',
      {
        type: 'Input.ChoiceSet',
        label: m('fieldImpact'),
        style: 'expanded',
        choices: IMPACTS.map((i) => ({ title: impactLabel(locale, i), value: i })),
      },
      true,
    ),
    ...toggle('unauthorizedAccess', 'fieldUnauthorized'),
    ...toggle('teleworking', 'fieldTeleworking'),
    ...field(
      'reporterPhone',
      { type: 'Input.Text', label: m('fieldPhone'), style: 'Tel', maxLength: 20 },
      true,
    ),
  ];
  const actions = [
    execute(
      m('submit'),
      incidentVerbs.submit,
      { submissionId: input.submissionId },
      {
        inputs: 'auto',
        style: 'positive',
      },
    ),
    execute(m('myReports'), incidentVerbs.myReports, {}),
    ...(input.showOpenList ? [execute(m('openIncidents'), incidentVerbs.openList, {})] : []),
  ];
  return card(body, actions);
}
