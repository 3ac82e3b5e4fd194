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
  /** Upserts by conversation id. */
  save(reference: StoredConversationReference): Promise<void>;
  /** The person's most recent personal chat with the bot. */
  findPersonal(aadObjectId: string): Promise<StoredConversationReference | undefined>;
  findByConversationId(conversationId: string): Promise<StoredConversationReference | undefined>;
  /** Any reference, most recent first: a service URL and bot id to open new chats with. */
  latest(): Promise<StoredConversationReference | undefined>;
}
