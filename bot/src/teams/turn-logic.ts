import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { respond, type AssistantDeps } from '../assistant/respond';
import type { Reply, Turn } from '../assistant/turn';
import { localeFrom } from '../i18n/locale';
import type { Logger } from '../logger';
import type { ConversationReferenceStore } from '../notify/conversation-references';
import type { Clock } from '../shared/clock';
import type { RecentKeys } from '../shared/recent-keys';
import { referenceFromActivity, tenantOf } from './conversation-reference';

export interface TurnLogicDeps {
  assistant: AssistantDeps;
  references: ConversationReferenceStore;
  recentActivities: RecentKeys;
  /** Activities from any other tenant are dropped; null serves any (local mode without a tenant). */
  tenantId: string | null;
  /** Local mode: the Agents Playground always says en-US, so the configured locale is used instead. */
  localeOverride: string | null;
  clock: Clock;
  logger: Logger;
}

/** Bot Framework → assistant: filters, remembers, translates the activity, sends the replies. */
export function createTurnLogic(deps: TurnLogicDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    const log = deps.logger.child({ activityId: activity.id, type: activity.type });
    const tenant = tenantOf(activity);
    if (deps.tenantId !== null && tenant?.toLowerCase() !== deps.tenantId.toLowerCase()) {
      log.warn({ tenant }, 'dropped an activity from another tenant');
      return;
    }
    if (
      activity.id &&
      deps.recentActivities.checkAndRemember(`${activity.conversation?.id}|${activity.id}`)
    ) {
      log.info('skipped a redelivered activity');
      return;
    }
    const reference = referenceFromActivity(activity, deps.clock.now());
    if (
      reference &&
      (activity.type === 'message' ||
        activity.type === 'installationUpdate' ||
        activity.type === 'conversationUpdate')
    ) {
      // A reference is only needed for proactive messages later: failing to store it must not fail the turn.
      await deps.references
        .save(reference)
        .catch((error: unknown) => log.warn({ err: error }, 'could not store the conversation reference'));
    }
    const turn = toTurn(activity, deps.localeOverride);
    if (!turn) return;
    // Teams sends both installationUpdate and conversationUpdate on install: welcome once.
    if (
      turn.kind === 'installed' &&
      deps.recentActivities.checkAndRemember(`welcome|${activity.conversation?.id}`)
    ) {
      return;
    }
    const replies = await respond(turn, deps.assistant);
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  };
}

function toTurn(activity: Activity, localeOverride: string | null): Turn | null {
  const locale = localeFrom(localeOverride ?? activity.locale);
  const user = { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name };
  switch (activity.type) {
    case 'message':
      return {
        kind: 'message',
        locale,
        user,
        text: stripMentions(activity.text ?? ''),
        value: activity.value,
      };
    case 'installationUpdate':
      return activity.action === 'add' || activity.action === 'add-upgrade'
        ? { kind: 'installed', locale, user }
        : null;
    case 'conversationUpdate': {
      const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient?.id) ?? false;
      return botAdded ? { kind: 'installed', locale, user } : null;
    }
    default:
      return null;
  }
}

/** In channels Teams prefixes the text with `<at>Mamori</at>`; the words after it are the message. */
function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/g, '').trim();
}

function toActivity(reply: Reply): Partial<Activity> {
  switch (reply.type) {
    case 'text':
      return MessageFactory.text(reply.text);
    case 'card':
      return { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), summary: reply.summary };
  }
}
