import { field } from '../store/field';
import { defineRecordKind, type RecordData } from '../store/record-kind';

/** A helpful / not helpful click under a policy answer. */
export const qaFeedbackKind = defineRecordKind({
  name: 'qaFeedback',
  listTitle: 'Mamori QA Feedback',
  fields: {
    question: field.text({ maxLength: 2000 }),
    /** The citation id of the answer's section, e.g. `組織的対策 5.6`; null when nothing answered. */
    sectionId: field.text({ required: false, indexed: true, maxLength: 100 }),
    helpful: field.boolean({ indexed: true }),
    userId: field.personId({ indexed: true }),
    locale: field.choice(['ja', 'en']),
    /** The policy pack version the answer came from. */
    packVersion: field.text({ required: false, maxLength: 100 }),
  },
});
export type QaFeedback = RecordData<typeof qaFeedbackKind>;

/** A question the policy does not answer, passed to the システム管理者 (人的対策 6.6). */
export const qaEscalationKind = defineRecordKind({
  name: 'qaEscalation',
  listTitle: 'Mamori QA Escalations',
  fields: {
    question: field.text({ maxLength: 2000 }),
    askerId: field.personId({ indexed: true }),
    askerName: field.text(),
    locale: field.choice(['ja', 'en']),
    /** The システム管理者 the question went to. */
    assignedTo: field.personId({ indexed: true }),
    status: field.choice(['open', 'answered'], { indexed: true }),
    /** Whether the card reached the assignee; false leaves it for a retry. */
    notified: field.boolean({ indexed: true }),
    answer: field.text({ required: false, maxLength: 4000 }),
    answeredBy: field.personId({ required: false }),
    answeredAt: field.dateTime({ required: false }),
  },
});
export type QaEscalation = RecordData<typeof qaEscalationKind>;
