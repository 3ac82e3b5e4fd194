/** What we keep of a conversation to message it later (a Bot Framework conversation reference, flattened). */
export interface StoredConversationReference {
  conversationId: string;
  conversationType: string;
  /** The person (Entra object id) in a personal chat; null for channels and group chats. */
  aadObjectId: string | null;
  /** The person's channel account id (`29:…`), needed to open a new chat with them. */
  userId: string | null;
  tenantId: string | null;
  serviceUrl: string;
  channelId: string;
  botId: string;
  botName: string | null;
  locale: string | null;
  updatedAt: string;
}

/** Where conversation references live so proactive messages survive restarts. */
export interface ConversationReferenceStore {
  save(reference: StoredConversationReference): void;
  findPersonal(aadObjectId: string): StoredConversationReference | undefined;
  findByConversationId(conversationId: string): StoredConversationReference | undefined;
  /** Any reference, most recent first: a service URL and bot id to open new chats with. */
  latest(): StoredConversationReference | undefined;
}

export class InMemoryConversationReferenceStore implements ConversationReferenceStore {
  private readonly byConversation = new Map<string, StoredConversationReference>();

  save(reference: StoredConversationReference): void {
    this.byConversation.delete(reference.conversationId);
    this.byConversation.set(reference.conversationId, reference);
  }
  findPersonal(aadObjectId: string): StoredConversationReference | undefined {
    const id = aadObjectId.toLowerCase();
    return [...this.byConversation.values()]
      .reverse()
      .find((r) => r.conversationType === 'personal' && r.aadObjectId?.toLowerCase() === id);
  }
  findByConversationId(conversationId: string): StoredConversationReference | undefined {
    return this.byConversation.get(conversationId);
  }
  latest(): StoredConversationReference | undefined {
    return [...this.byConversation.values()].at(-1);
  }
}
