import { field } from '../store/field';
import { defineRecordKind, type RecordData } from '../store/record-kind';

/** A helpful / not helpful click under a policy answer. */
export const qaFeedbackKind = defineRecordKind({
  name: 'qaFeedback',
  listTitle: 'Mamori QA Feedback',
  fields: {
    /** The answer the feedback is about (its card's key). */
    answerKey: field.text({ required: false, indexed: true, maxLength: 64 }),
    /** Null when the feedback was taken while the store was unreachable (the answer record holds it). */
    question: field.text({ required: false, maxLength: 2000 }),
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

/**
 * An answer the bot gave: the server-side state its card's buttons act on (cards carry only `answerKey`).
 * The excerpt is kept as shown so a refreshed card shows the same text even after the pack changes.
 */
export const qaAnswerKind = defineRecordKind({
  name: 'qaAnswer',
  listTitle: 'Mamori QA Answers',
  fields: {
    /** Random key printed into the card; found by query, so it works before a queued write lands too. */
    answerKey: field.text({ indexed: true, maxLength: 64 }),
    question: field.text({ maxLength: 2000 }),
    language: field.choice(['ja', 'en']),
    askerId: field.personId({ indexed: true }),
    askerName: field.text({ required: false }),
    /** `組織的対策 5.6`; null when the bot abstained. */
    sectionId: field.text({ required: false, indexed: true, maxLength: 100 }),
    citation: field.text({ required: false, maxLength: 255 }),
    related: field.json(),
    excerpt: field.json(),
    feedback: field.choice(['none', 'helpful', 'notHelpful']),
    escalation: field.choice(['none', 'sent', 'queued', 'failed']),
  },
});
export type QaAnswer = RecordData<typeof qaAnswerKind>;
