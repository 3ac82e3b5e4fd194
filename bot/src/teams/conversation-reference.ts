import type { Activity, ConversationReference } from 'botbuilder';
import type { StoredConversationReference } from '../notify/conversation-references';

export function tenantOf(activity: Partial<Activity>): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : null);
}

/** What to remember of an incoming activity to reach its conversation later. */
export function referenceFromActivity(activity: Activity, now: Date): StoredConversationReference | null {
  if (!activity.conversation?.id || !activity.serviceUrl || !activity.recipient?.id) return null;
  const type = activity.conversation.conversationType ?? 'personal';
  const personal = type === 'personal';
  return {
    conversationId: activity.conversation.id,
    conversationType: type,
    aadObjectId: personal ? (activity.from?.aadObjectId ?? null) : null,
    userId: personal ? (activity.from?.id ?? null) : null,
    tenantId: tenantOf(activity),
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    botId: activity.recipient.id,
    botName: activity.recipient.name ?? null,
    locale: activity.locale ?? null,
    updatedAt: now.toISOString(),
  };
}

export function toConversationReference(stored: StoredConversationReference): Partial<ConversationReference> {
  return {
    bot: { id: stored.botId, name: stored.botName ?? '' },
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    locale: stored.locale ?? undefined,
    conversation: {
      id: stored.conversationId,
      conversationType: stored.conversationType,
      tenantId: stored.tenantId ?? undefined,
      isGroup: stored.conversationType !== 'personal',
      name: '',
    },
    user:
      stored.userId !== null
        ? { id: stored.userId, name: '', aadObjectId: stored.aadObjectId ?? undefined }
        : undefined,
  };
}
