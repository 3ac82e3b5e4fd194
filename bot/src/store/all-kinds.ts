import { incidentKind } from '../incidents/records';
import { conversationReferenceKind } from '../notify/records';
import { qaAnswerKind, qaEscalationKind, qaFeedbackKind } from '../policy/records';
import { auditEventKind } from './audit';
import type { MutableRecordKind, RecordKind } from './record-kind';

/**
 * Every record kind Mamori stores, in one place: `provision:lists` creates a SharePoint list for each,
 * the SharePoint store is built with them, and the outbox can replay writes of any of them. A capability
 * that defines a kind (in its `records.ts`) adds it here.
 */
export const mutableRecordKinds: readonly MutableRecordKind[] = [
  conversationReferenceKind,
  qaFeedbackKind,
  qaEscalationKind,
  qaAnswerKind,
  incidentKind,
];

export const allRecordKinds: readonly RecordKind[] = [auditEventKind, ...mutableRecordKinds];
