import type { AdaptiveCardJson } from '../cards/card';

/** A message the bot sent and may update later. */
export interface SentMessage {
  conversationId: string;
  activityId: string;
}

/**
 * Why a proactive send failed, so the caller can act (name the person's phone contact, retry later…).
 * - notInstalled: the app is not installed for the person (403 when opening the chat).
 * - messageWritesBlocked: the person blocked or removed the bot (403, subCode MessageWritesBlocked).
 * - conversationNotFound: the stored chat or message no longer exists (404).
 * - throttled: Teams asked us to slow down (429).
 * - unavailable: the connector could not be reached or failed (5xx, network).
 * - noServiceUrl: nobody has talked to the bot yet, so there is no service URL to open a chat with.
 */
export type SendFailureReason =
  | 'notInstalled'
  | 'messageWritesBlocked'
  | 'conversationNotFound'
  | 'throttled'
  | 'unavailable'
  | 'noServiceUrl';

export type SendResult =
  { ok: true; message: SentMessage } | { ok: false; reason: SendFailureReason; status: number | null };

/** Sends cards to people outside a conversation turn: approvals, incident routing, reminders. */
export interface Notifier {
  /** Sends to the person's personal chat with the bot, opening one when none is stored. */
  sendCard(to: { aadObjectId: string }, card: AdaptiveCardJson, summary: string): Promise<SendResult>;
  /** Replaces a card the bot sent earlier. */
  updateCard(message: SentMessage, card: AdaptiveCardJson): Promise<SendResult>;
}
