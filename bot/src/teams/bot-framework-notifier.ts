import { CardFactory, type CloudAdapter, type ConversationParameters, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/card';
import type { Logger } from '../logger';
import type { ConversationReferenceStore } from '../notify/conversation-references';
import type { Notifier, SendResult, SentMessage } from '../notify/notifier';
import type { Clock } from '../shared/clock';
import { referenceFromActivity, toConversationReference } from './conversation-reference';
import { classifySendError } from './send-errors';

export interface BotFrameworkNotifierOptions {
  adapter: CloudAdapter;
  references: ConversationReferenceStore;
  /** Empty in local mode, where the connector is not authenticated. */
  botAppId: string;
  tenantId: string | null;
  /** Used to open a chat when no conversation has been seen at all yet. */
  defaultServiceUrl: string;
  clock: Clock;
  logger: Logger;
}

const botFrameworkAudience = 'https://api.botframework.com';

/** The `Notifier` over Bot Framework: continue a stored conversation, else create one in the tenant. */
export class BotFrameworkNotifier implements Notifier {
  constructor(private readonly options: BotFrameworkNotifierOptions) {}

  async sendCard(to: { aadObjectId: string }, card: AdaptiveCardJson, summary: string): Promise<SendResult> {
    const activity = { type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] };
    try {
      const stored = await this.options.references.findPersonal(to.aadObjectId);
      if (stored) {
        let activityId = '';
        await this.continueIn(stored.conversationId, async (context) => {
          activityId = (await context.sendActivity(activity))?.id ?? '';
        });
        return { ok: true, message: { conversationId: stored.conversationId, activityId } };
      }
      return await this.createAndSend(to.aadObjectId, activity);
    } catch (error) {
      return this.failure('sendCard', error);
    }
  }

  async updateCard(message: SentMessage, card: AdaptiveCardJson): Promise<SendResult> {
    try {
      await this.continueIn(message.conversationId, async (context) => {
        await context.updateActivity({
          type: 'message',
          id: message.activityId,
          conversation: context.activity.conversation,
          attachments: [CardFactory.adaptiveCard(card)],
        });
      });
      return { ok: true, message };
    } catch (error) {
      return this.failure('updateCard', error);
    }
  }

  private async continueIn(conversationId: string, logic: (context: TurnContext) => Promise<void>) {
    const stored = await this.options.references.findByConversationId(conversationId);
    if (!stored) throw Object.assign(new Error('no stored conversation reference'), { statusCode: 404 });
    await surfacingErrors(
      (wrapped) =>
        this.options.adapter.continueConversationAsync(
          this.options.botAppId,
          toConversationReference(stored),
          wrapped,
        ),
      logic,
    );
  }

  private async createAndSend(aadObjectId: string, activity: object): Promise<SendResult> {
    const { references, tenantId, botAppId, adapter, clock, logger } = this.options;
    const latest = await references.latest();
    const serviceUrl = latest?.serviceUrl ?? this.options.defaultServiceUrl;
    const params: ConversationParameters = {
      isGroup: false,
      bot: {
        id: latest?.botId ?? (botAppId ? `28:${botAppId}` : 'mamori'),
        name: latest?.botName ?? 'Mamori',
      },
      members: [{ id: aadObjectId, name: '', aadObjectId }],
      tenantId: tenantId ?? undefined,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    };
    const result: { sent?: SentMessage } = {};
    await surfacingErrors(
      (wrapped) =>
        adapter.createConversationAsync(
          botAppId,
          'msteams',
          serviceUrl,
          botFrameworkAudience,
          params,
          wrapped,
        ),
      async (context) => {
        const reference = referenceFromActivity(context.activity, clock.now());
        // Not remembering the new chat costs a second createConversation later, not this message.
        if (reference) {
          await references
            .save({ ...reference, aadObjectId, userId: aadObjectId })
            .catch((error: unknown) =>
              logger.warn({ err: error }, 'could not store a conversation reference'),
            );
        }
        const response = await context.sendActivity(activity);
        result.sent = { conversationId: context.activity.conversation.id, activityId: response?.id ?? '' };
      },
    );
    if (!result.sent) return { ok: false, reason: 'unavailable', status: null };
    return { ok: true, message: result.sent };
  }

  private failure(operation: string, error: unknown): SendResult {
    const { reason, status } = classifySendError(error);
    this.options.logger.warn({ operation, reason, status }, 'proactive message failed');
    return { ok: false, reason, status };
  }
}

/**
 * The adapter hands errors thrown in a turn to `onTurnError` instead of rejecting; a proactive
 * caller needs them back to tell a blocked user from a sent message. This carries them out.
 */
async function surfacingErrors(
  run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  const outcome: { failed: boolean; error?: unknown } = { failed: false };
  await run(async (context) => {
    try {
      await logic(context);
    } catch (error) {
      outcome.failed = true;
      outcome.error = error;
    }
  });
  if (outcome.failed) throw outcome.error;
}
