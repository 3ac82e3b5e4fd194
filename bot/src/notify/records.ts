import { field } from '../store/field';
import { defineRecordKind, type RecordData } from '../store/record-kind';

/**
 * A StoredConversationReference as a record. Its `updatedAt` is `seenAt` here: the record envelope
 * has its own updatedAt (when the store last wrote it).
 */
export const conversationReferenceKind = defineRecordKind({
  name: 'conversationReference',
  listTitle: 'Mamori Conversation References',
  fields: {
    conversationId: field.text({ indexed: true }),
    conversationType: field.text({ maxLength: 32 }),
    aadObjectId: field.personId({ required: false, indexed: true }),
    userId: field.text({ required: false }),
    tenantId: field.text({ required: false, maxLength: 64 }),
    serviceUrl: field.text({ maxLength: 1000 }),
    channelId: field.text({ maxLength: 64 }),
    botId: field.text(),
    botName: field.text({ required: false }),
    locale: field.text({ required: false, maxLength: 64 }),
    seenAt: field.dateTime({ indexed: true }),
  },
});
export type ConversationReferenceRecord = RecordData<typeof conversationReferenceKind>;
