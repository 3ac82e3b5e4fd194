import { z } from 'zod';
import type { StoredRecord } from '../store/record-store';
import type { IncidentRecord } from './records';
import { EXTERNAL_BODIES, IMPACTS, INCIDENT_CATEGORIES, NOTIFY_ROLES, citationSchema } from './schema';

/** What the reporter submitted, as validated (intake.ts). Times are ISO 8601 UTC. */
export const intakeValuesSchema = z.object({
  category: z.enum(INCIDENT_CATEGORIES),
  whatHappened: z.string(),
  occurredAt: z.string().nullable(),
  discoveredAt: z.string(),
  systems: z.string(),
  personalData: z.enum(['yes', 'no', 'unknown']),
  personalDataCount: z.int().min(0).nullable(),
  specificPersonalInfo: z.boolean(),
  impact: z.enum(IMPACTS),
  unauthorizedAccess: z.boolean(),
  teleworking: z.boolean(),
  reporterPhone: z.string(),
});
export type IntakeValues = z.infer<typeof intakeValuesSchema>;

const actor = { by: z.string(), byName: z.string(), at: z.string() };

export const checklistItemSchema = z.object({
  /** Derived from the step's text: stable when the list is rebuilt after a change of level. */
  id: z.string(),
  number: z.string().nullable(),
  text: z.string(),
  notes: z.array(z.string()),
  done: z.object(actor).nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const levelReasonSchema = citationSchema.extend({
  /** The rule's words (9.2 影響範囲, or the 9.4 leak floor). */
  text: z.string(),
  /** `triage`: decided from the report; `responder`: set by a responder (see levelHistory). */
  source: z.enum(['triage', 'responder']),
  /** The triage rested on an assumption the インシデント対応責任者 has to confirm (level.ts). */
  provisional: z.boolean(),
});
export type LevelReason = z.infer<typeof levelReasonSchema>;

export const levelChangeSchema = z.object({
  ...actor,
  fromCategory: z.enum(INCIDENT_CATEGORIES),
  toCategory: z.enum(INCIDENT_CATEGORIES),
  fromLevel: z.int(),
  toLevel: z.int(),
  reason: z.string(),
});
export type LevelChange = z.infer<typeof levelChangeSchema>;

export const externalReportSchema = z.object({
  body: z.enum(EXTERNAL_BODIES),
  reason: z.string(),
  urgency: z.string(),
  seriousIncident: z.enum(['yes', 'possible', 'no']).nullable(),
  /** A key of the profile's `contacts.external`: the contact is read from the profile when shown. */
  contactKey: z.string(),
  citation: citationSchema,
  reported: z.object(actor).nullable(),
});
export type ExternalReport = z.infer<typeof externalReportSchema>;

export const responderSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(NOTIFY_ROLES)),
  /**
   * `asked`: expected to act (9.4 step 1 reporting line, or an escalation); `informed`: kept informed
   * (the インシデント対応責任者 at levels 1–2). Both may act on the card.
   */
  duty: z.enum(['asked', 'informed']),
});
export type Responder = z.infer<typeof responderSchema>;

export const unreachableSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  reason: z.string(),
});
export type Unreachable = z.infer<typeof unreachableSchema>;

export const sentCardSchema = z.object({
  userId: z.string(),
  conversationId: z.string(),
  activityId: z.string(),
});
export type SentCard = z.infer<typeof sentCardSchema>;

/** An incident record with its JSON fields parsed: what every rule and card of the service reads. */
export interface Incident extends Omit<
  IncidentRecord,
  | 'inputs'
  | 'levelReason'
  | 'levelHistory'
  | 'checklist'
  | 'external'
  | 'responders'
  | 'unreachable'
  | 'sentCards'
  | 'level'
> {
  id: string;
  etag: string;
  createdAt: string;
  level: 0 | 1 | 2 | 3;
  inputs: IntakeValues;
  levelReason: LevelReason;
  levelHistory: LevelChange[];
  checklist: ChecklistItem[];
  external: ExternalReport[];
  responders: Responder[];
  unreachable: Unreachable[];
  sentCards: SentCard[];
}

const levelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** Parses a stored record; a record that does not parse is a bug or a hand edit, and throws. */
export function readIncident(stored: StoredRecord<IncidentRecord>): Incident {
  const d = stored.data;
  return {
    ...d,
    id: stored.id,
    etag: stored.etag,
    createdAt: stored.createdAt,
    level: levelSchema.parse(d.level),
    inputs: intakeValuesSchema.parse(d.inputs),
    levelReason: levelReasonSchema.parse(d.levelReason),
    levelHistory: z.array(levelChangeSchema).parse(d.levelHistory),
    checklist: z.array(checklistItemSchema).parse(d.checklist),
    external: z.array(externalReportSchema).parse(d.external),
    responders: z.array(responderSchema).parse(d.responders),
    unreachable: z.array(unreachableSchema).parse(d.unreachable),
    sentCards: z.array(sentCardSchema).parse(d.sentCards),
  };
}

/** Whether this person may take responder actions on the incident. */
export function isResponder(incident: Pick<Incident, 'responders'>, userId: string | undefined): boolean {
  const id = userId?.toLowerCase();
  return id !== undefined && incident.responders.some((r) => r.id === id);
}
