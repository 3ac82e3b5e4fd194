import { ActivityTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { ActionResult, CardAction, Citation, Reply, Turn } from '../assistant/turn';
import { adaptiveCardContentType } from '../cards/card';
import { localeFrom } from '../i18n/locale';

/** Bot Framework activity → the assistant's view of the turn; null for activities we do not act on. */
export function toTurn(activity: Activity, localeOverride: string | null): Turn | null {
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

const universalAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.unknown(),
  }),
});

/** An `adaptiveCard/action` invoke (Universal Actions) → the pressed button; null when malformed. */
export function toCardAction(activity: Activity, localeOverride: string | null): CardAction | null {
  const parsed = universalAction.safeParse(activity.value);
  if (!parsed.success) return null;
  return {
    verb: parsed.data.action.verb,
    data: parsed.data.action.data,
    locale: localeFrom(localeOverride ?? activity.locale),
    user: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name },
  };
}

/** The invoke response Teams expects for `adaptiveCard/action`: the card that replaces the pressed one. */
export function toInvokeResponse(result: ActionResult): Partial<Activity> {
  const body =
    result.type === 'card'
      ? { statusCode: 200, type: adaptiveCardContentType, value: result.card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text };
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body } };
}

/** In channels Teams prefixes the text with `<at>Mamori</at>`; the words after it are the message. */
function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/g, '').trim();
}

/** Teams citations: a `https://schema.org/Message` entity whose claims the `[n]` markers in the text point at. */
function citationEntity(citations: Citation[]) {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: citations.slice(0, 20).map((c) => ({
      '@type': 'Claim',
      position: c.position,
      appearance: { '@type': 'DigitalDocument', name: c.name, abstract: c.abstract },
    })),
  };
}

export function toActivity(reply: Reply): Partial<Activity> {
  switch (reply.type) {
    case 'text':
      return MessageFactory.text(reply.text);
    case 'card':
      return { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), summary: reply.summary };
    case 'cited':
      return {
        ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)),
        text: reply.text,
        summary: reply.summary,
        entities: [citationEntity(reply.citations)],
      };
  }
}
