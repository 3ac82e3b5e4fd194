import { randomUUID } from 'node:crypto';

export const testTenantId = '11111111-2222-4333-8444-555555555555';
export const botId = '28:mamori-test-bot';

export interface ActivityOptions {
  serviceUrl: string;
  locale?: string;
  aadObjectId?: string;
  name?: string;
  tenantId?: string;
  conversationId?: string;
  id?: string;
}

function envelope(o: ActivityOptions) {
  const aadObjectId = o.aadObjectId ?? 'aaaaaaaa-0000-4000-8000-000000000001';
  const tenantId = o.tenantId ?? testTenantId;
  return {
    id: o.id ?? randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: o.locale ?? 'ja-JP',
    from: { id: `29:${aadObjectId}`, name: o.name ?? '佐藤 美咲', aadObjectId },
    recipient: { id: botId, name: 'Mamori' },
    conversation: {
      id: o.conversationId ?? `a:personal-${aadObjectId}`,
      conversationType: 'personal',
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
  };
}

/** A Teams-shaped message activity, as Bot Framework posts it to /api/messages. */
export function messageActivity(o: ActivityOptions & { text?: string; value?: unknown }) {
  return {
    ...envelope(o),
    type: 'message',
    text: o.text ?? '',
    ...(o.value !== undefined ? { value: o.value } : {}),
  };
}

export function installActivity(o: ActivityOptions) {
  return { ...envelope(o), type: 'installationUpdate', action: 'add' };
}

export function conversationUpdateBotAdded(o: ActivityOptions) {
  return { ...envelope(o), type: 'conversationUpdate', membersAdded: [{ id: botId }] };
}

/** What Teams posts when an `Action.Execute` button is pressed (Universal Actions). */
export function cardActionInvoke(o: ActivityOptions & { verb: string; data: unknown }) {
  return {
    ...envelope(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
}
