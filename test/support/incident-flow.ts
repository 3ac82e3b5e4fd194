import { loadDemoTenant } from '../../bot/src/demo/demo-tenant';
import { incidentKind } from '../../bot/src/incidents/records';
import type { IncidentBot } from './incident-bot';
import type { RecordingConnector } from './recording-connector';
import { cardActionInvoke, messageActivity } from './teams-activities';

const tenant = loadDemoTenant();
/** Demo people: 佐藤 健一 is システム管理者 and インシデント対応責任者; 鈴木 美咲 is システム管理者 too. */
export const people = {
  reporter: tenant.personas.employees[0]!,
  other: tenant.personas.employees[1]!,
  sato: tenant.personas.systemAdministrator,
  suzuki: '4558b764-508a-4a47-99ec-b3e964f3890b',
  ceo: tenant.personas.ceo,
};

export interface CardJson {
  type: string;
  version: string;
  body: Record<string, unknown>[];
  actions?: { type: string; title: string; verb?: string; data?: Record<string, unknown>; card?: CardJson }[];
  refresh?: { action: { verb: string; data: { incidentId: string } }; userIds: string[] };
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: CardJson | string;
}

/** A level-3 leak: a laptop with 120 customers' data left on a train while teleworking. */
export const leakReport = {
  category: '漏えい・流出',
  whatHappened: '顧客名簿の入ったノートPCを電車に置き忘れた',
  discoveredDate: '2025-06-02',
  discoveredTime: '09:30',
  occurredDate: '2025-06-01',
  occurredTime: '22:00',
  systems: '営業用ノートPC',
  personalData: 'yes',
  personalDataCount: '120',
  specificPersonalInfo: 'false',
  impact: 'external',
  unauthorizedAccess: 'false',
  teleworking: 'true',
  reporterPhone: '090-1111-2222',
};

/** A level-1 virus infection in the office. */
export const virusReport = {
  ...leakReport,
  category: 'ウイルス感染',
  whatHappened: '添付ファイルを開いたらウイルス対策ソフトが警告を出した',
  occurredDate: '',
  occurredTime: '',
  systems: '自分の業務用PC',
  personalData: 'no',
  personalDataCount: '',
  impact: 'employees',
  teleworking: 'false',
};

/** Talks to the bot over /api/messages as Teams would, and reads what the recording connector got. */
export class IncidentSession {
  constructor(
    private readonly bot: IncidentBot,
    private readonly connector: RecordingConnector,
  ) {}

  /** Sends a message and returns the card of the bot's reply. */
  async say(text: string, user = people.reporter, locale = 'ja-JP'): Promise<CardJson> {
    const before = this.connector.calls.length;
    const response = await this.bot.post(
      messageActivity({ serviceUrl: this.connector.url, text, aadObjectId: user, locale }),
    );
    expect(response.status).toBe(200);
    await this.connector.waitForCalls(before + 1);
    const body = this.connector.calls[before]!.body as { attachments?: { content: CardJson }[] };
    return body.attachments![0]!.content;
  }

  async press(verb: string, data: unknown, user: string, name = 'テスト ユーザー', locale = 'ja-JP') {
    const response = await this.bot.post(
      cardActionInvoke({ serviceUrl: this.connector.url, verb, data, aadObjectId: user, name, locale }),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as InvokeBody;
  }

  /** Opens the form (so the bot knows the service URL) and submits it with these values. */
  async report(values: Record<string, string>, user = people.reporter, locale = 'ja-JP') {
    const form = await this.say('インシデントを報告', user, locale);
    const submit = form.actions!.find((a) => a.verb === 'incidentSubmit')!;
    return this.press('incidentSubmit', { ...submit.data, ...values }, user, '佐藤 美咲', locale);
  }

  /** The cards sent proactively to a person, in order (as first sent). */
  sentTo(user: string): { conversationId: string; card: CardJson }[] {
    const conversations = this.conversationsOf(user);
    return this.connector.calls
      .filter((c) => (c.kind === 'send' || c.kind === 'reply') && conversations.has(c.conversationId))
      .map((c) => ({
        conversationId: c.conversationId,
        card: (c.body as { attachments: { content: CardJson }[] }).attachments[0]!.content,
      }));
  }

  /** The updates (PUT) to cards in a person's chats, newest last. */
  updatesTo(user: string): CardJson[] {
    const conversations = this.conversationsOf(user);
    return this.connector.calls
      .filter((c) => c.kind === 'update' && conversations.has(c.conversationId))
      .map((c) => (c.body as { attachments: { content: CardJson }[] }).attachments[0]!.content);
  }

  async incident(id: string) {
    return (await this.bot.records.get(incidentKind, id))!;
  }

  private conversationsOf(user: string): Set<string> {
    const ids = new Set([`a:personal-${user}`]);
    for (const c of this.connector.calls) {
      const members = (c.body as { members?: { id: string }[] }).members;
      if (c.kind === 'createConversation' && members?.[0]?.id === user) ids.add(c.conversationId);
    }
    return ids;
  }
}

export const cardOf = (body: InvokeBody): CardJson => {
  if (typeof body.value === 'string') throw new Error(`expected a card, got text: ${body.value}`);
  return body.value;
};

/** Every text on a card (TextBlocks, RichTextBlock runs, facts, input labels and values), joined. */
export const textOf = (card: unknown): string => JSON.stringify(card);

/** The Action.Execute buttons anywhere on a card, with their data. */
export function buttons(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && typeof n.verb === 'string' && typeof n.title === 'string') {
        out.push({ title: n.title, verb: n.verb, data: (n.data ?? {}) as Record<string, unknown> });
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}
