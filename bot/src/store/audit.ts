import { field } from './field';
import { defineRecordKind, type RecordData, type RecordInput } from './record-kind';

/** Who did what to which record, when. Append-only: the store has no API to change or remove one. */
export const auditEventKind = defineRecordKind({
  name: 'auditEvent',
  listTitle: 'Mamori Audit Events',
  appendOnly: true,
  fields: {
    at: field.dateTime({ indexed: true }),
    /** Null when Mamori acted on its own (a reminder, an escalation). */
    actorId: field.personId({ required: false, indexed: true }),
    action: field.text({ indexed: true, maxLength: 100 }),
    subjectKind: field.text({ indexed: true, maxLength: 64 }),
    subjectId: field.text({ indexed: true }),
    /** Ids and values only: no message text or other personal data beyond ids. */
    detail: field.json({ required: false }),
  },
});

export type AuditEventKind = typeof auditEventKind;
export type AuditEvent = RecordData<AuditEventKind>;
export type AuditEventInput = RecordInput<AuditEventKind>;

/** Audit events of one subject (or all), oldest first: appends land on the last page, never between. */
export interface AuditQuery {
  subjectKind?: string;
  subjectId?: string;
  limit: number;
  cursor?: string | null;
}
