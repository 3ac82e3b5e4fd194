import type {
  ConversationReferenceStore,
  StoredConversationReference,
} from '../../notify/conversation-references';
import type { SqliteDatabase } from './database';

interface Row {
  json: string;
}

export class SqliteConversationReferenceStore implements ConversationReferenceStore {
  private readonly upsert;
  private readonly byUser;
  private readonly byConversation;
  private readonly newest;

  constructor(db: SqliteDatabase) {
    this.upsert = db.prepare(
      `INSERT INTO conversation_references (conversation_id, conversation_type, aad_object_id, json, updated_at)
       VALUES (@conversationId, @conversationType, @aadObjectId, @json, @updatedAt)
       ON CONFLICT (conversation_id) DO UPDATE SET conversation_type = excluded.conversation_type,
         aad_object_id = excluded.aad_object_id, json = excluded.json, updated_at = excluded.updated_at`,
    );
    this.byUser = db.prepare<[string], Row>(
      `SELECT json FROM conversation_references WHERE aad_object_id = ? AND conversation_type = 'personal'
       ORDER BY updated_at DESC LIMIT 1`,
    );
    this.byConversation = db.prepare<[string], Row>(
      'SELECT json FROM conversation_references WHERE conversation_id = ?',
    );
    this.newest = db.prepare<[], Row>(
      'SELECT json FROM conversation_references ORDER BY updated_at DESC LIMIT 1',
    );
  }

  save(reference: StoredConversationReference): void {
    this.upsert.run({
      conversationId: reference.conversationId,
      conversationType: reference.conversationType,
      aadObjectId: reference.aadObjectId?.toLowerCase() ?? null,
      json: JSON.stringify(reference),
      updatedAt: reference.updatedAt,
    });
  }
  findPersonal(aadObjectId: string): StoredConversationReference | undefined {
    return parse(this.byUser.get(aadObjectId.toLowerCase()));
  }
  findByConversationId(conversationId: string): StoredConversationReference | undefined {
    return parse(this.byConversation.get(conversationId));
  }
  latest(): StoredConversationReference | undefined {
    return parse(this.newest.get());
  }
}

function parse(row: Row | undefined): StoredConversationReference | undefined {
  return row ? (JSON.parse(row.json) as StoredConversationReference) : undefined;
}
