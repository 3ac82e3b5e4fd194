import { field } from '../store/field';
import { defineRecordKind, type RecordData } from '../store/record-kind';
import { INCIDENT_CATEGORIES } from './schema';

/** The phases of 組織的対策 9.5 (①発見報告 … ⑤最終報告), in order. */
export const INCIDENT_PHASES = ['発見報告', '初動', '調査・対応', '復旧', '最終報告'] as const;
export type IncidentPhase = (typeof INCIDENT_PHASES)[number];

/**
 * The longest free text of a 9.5 report field: the responders' card carries every field, Teams caps a
 * message near 28 KB, and a Japanese character takes 3 bytes.
 */
export const REPORT_TEXT_MAX = 400;
/** The longest reason for a change of category or level. */
export const REASON_MAX = 200;
const reportText = () => field.text({ required: false, maxLength: REPORT_TEXT_MAX });

/**
 * One reported incident (組織的対策 9): the reporter's inputs, the level and its rule, the 9.4 checklist,
 * the 9.5 report fields and phase, who was told and the cards sent to them, and the reminder schedule.
 * JSON fields are parsed with the schemas of incident-state.ts.
 */
export const incidentKind = defineRecordKind({
  name: 'incident',
  listTitle: 'Mamori Incidents',
  fields: {
    /** Shown to people: `INC-` and six characters. */
    reference: field.text({ indexed: true, maxLength: 32 }),
    /** The intake card's key: a redelivered or double-pressed submit finds the record it already made. */
    submissionId: field.text({ indexed: true, maxLength: 64 }),
    reporterId: field.personId({ indexed: true }),
    reporterName: field.text(),
    reporterPhone: field.text({ maxLength: 32 }),
    /** The reporter's language, for the cards and messages they get. */
    locale: field.choice(['ja', 'en']),
    category: field.choice(INCIDENT_CATEGORIES, { indexed: true }),
    /** The intake as validated (IntakeValues). */
    inputs: field.json(),
    level: field.number({ indexed: true }),
    /** LevelReason: the rule that set the level (組織的対策 9.2 / 9.4), or the responder's change. */
    levelReason: field.json(),
    /** LevelChange[]: every change of category or level by a responder, with the reason given. */
    levelHistory: field.json(),
    phase: field.choice(INCIDENT_PHASES, { indexed: true }),
    /** False once the final report (⑤) is reached. */
    open: field.boolean({ indexed: true }),
    /** ChecklistItem[]: the steps of the matching 9.4 procedure, each with who ticked it and when. */
    checklist: field.json(),
    // The report format of 組織的対策 9.5.
    classification: field.text({ maxLength: 255 }),
    ownerAndAssignees: reportText(),
    discoveredAt: field.dateTime(),
    occurredAt: field.dateTime({ required: false }),
    whatHappened: field.text({ maxLength: REPORT_TEXT_MAX }),
    responseProgress: reportText(),
    suspectedCause: reportText(),
    causeBackground: reportText(),
    damagedSystems: reportText(),
    preventionMeasures: reportText(),
    /** ExternalReport[]: bodies to report to (9.4, 9.6) and whether that was done. */
    external: field.json(),
    /** Responder[]: everyone told of the incident, with the roles they were told as. */
    responders: field.json(),
    acknowledgedAt: field.dateTime({ required: false }),
    acknowledgedBy: field.personId({ required: false }),
    /** Reminders run while nobody has acknowledged an open incident. */
    reminding: field.boolean({ indexed: true }),
    nextReminderAt: field.dateTime({ indexed: true }),
    reminderCount: field.number(),
    /** Bumped by each edit of the 9.5 report fields: an edit form made before another edit is refused. */
    reportRevision: field.number(),
    /** pending → sending (claimed by one process) → done. */
    routing: field.choice(['pending', 'sending', 'done'], { indexed: true }),
    /** Unreachable[]: responders Teams could not reach, with the phone the reporter was given. */
    unreachable: field.json(),
    /** SentCard[]: every card the bot sent about this incident, updated after each change. */
    sentCards: field.json(),
    finalReportedAt: field.dateTime({ required: false }),
  },
});
export type IncidentRecord = RecordData<typeof incidentKind>;
