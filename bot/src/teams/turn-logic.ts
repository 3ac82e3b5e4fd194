import type { TurnContext } from 'botbuilder';
import { respond, respondToAction, type AssistantDeps } from '../assistant/respond';
import type { Logger } from '../logger';
import type { ConversationReferenceStore } from '../notify/conversation-references';
import type { Clock } from '../shared/clock';
import type { RecentKeys } from '../shared/recent-keys';
import { toActivity, toCardAction, toInvokeResponse, toTurn } from './activity-mapping';
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
    if (activity.type === 'invoke') {
      // Not deduplicated by id: a redelivered invoke needs its response again, and each action is
      // idempotent on the server's records (a second press finds the work done and says so).
      if (activity.name !== 'adaptiveCard/action') return;
      const action = toCardAction(activity, deps.localeOverride);
      if (!action) {
        log.info('refused a malformed card action');
        await context.sendActivity({ type: 'invokeResponse', value: { status: 400 } });
        return;
      }
      await context.sendActivity(toInvokeResponse(await respondToAction(action, deps.assistant)));
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
