import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CapabilityRequest } from '../assistant/respond';
import type { ActionResult, CardAction, Reply } from '../assistant/turn';
import { policyAnswerCard, qaVerbs, type AnswerCardInput } from '../cards/policy-answer-card';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/messages';
import type { Logger } from '../logger';
import type { Notifier } from '../notify/notifier';
import { StoreUnavailableError } from '../store/errors';
import type { DurableWriter } from '../store/outbox/durable-writer';
import type { RecordStore, StoredRecord } from '../store/record-store';
import { answerQuestion, citationOf } from './answer';
import type { CompanyProfile } from './company-profile';
import { escalateQuestion, systemAdministrator, updateOrReread } from './qa-escalation';
import { qaAnswerKind, qaFeedbackKind, type QaAnswer } from './records';
import { renderLine, type PolicySearch } from './search';

export interface PolicyQaDeps {
  search: PolicySearch;
  profile: CompanyProfile;
  records: RecordStore;
  writer: DurableWriter;
  notifier: Notifier;
  logger: Logger;
}

const answerAction = z.object({ answerKey: z.string().uuid() });
const feedbackAction = answerAction.extend({ helpful: z.boolean() });
const lines = z.array(z.string());

/** Policy Q&A in Teams: answers with citations, feedback, and passing a question to the システム管理者. */
export class PolicyQa {
  constructor(private readonly deps: PolicyQaDeps) {}

  async ask(request: CapabilityRequest): Promise<Reply[]> {
    if (request.text === '') return [{ type: 'text', text: t(request.locale, 'qaPrompt') }];
    const answer = answerQuestion(this.deps.search, request.text, { profile: this.deps.profile });
    const record: QaAnswer = {
      answerKey: randomUUID(),
      question: answer.question,
      language: answer.language,
      askerId: request.user.aadObjectId ?? '00000000-0000-0000-0000-000000000000',
      askerName: request.user.name ?? null,
      sectionId: answer.best?.section.id ?? null,
      citation: answer.best ? citationOf(answer.best.section) : null,
      related: answer.related.map((r) => citationOf(r.section)),
      excerpt: answer.excerpt ? answer.excerpt.lines.map(renderLine) : [],
      feedback: 'none',
      escalation: 'none',
    };
    // Stored (or queued) before the card goes out: the buttons act on this record, not on the card.
    await this.deps.writer.create(qaAnswerKind, record);
    const locale = answerLocale(request.locale, record);
    const card = policyAnswerCard(this.cardInput(locale, record));
    if (record.citation === null) return [{ type: 'card', card, summary: t(locale, 'qaAnswerTitle') }];
    const citations = [record.citation, ...lines.parse(record.related)].map((name, i) => ({
      position: i + 1,
      name: truncate(name, 80),
      abstract: truncate(i === 0 ? lines.parse(record.excerpt).join(' ') || name : name, 160),
    }));
    const markers = citations.map((c) => `[${c.position}]`).join('');
    const text = `${t(locale, 'qaSource', { citation: record.citation })} ${markers}`;
    return [{ type: 'cited', text, citations, card, summary: record.citation }];
  }

  /** Handles this capability's card buttons; null when the verb is not ours. */
  async onAction(action: CardAction): Promise<ActionResult | null> {
    if (action.verb !== qaVerbs.feedback && action.verb !== qaVerbs.escalate) return null;
    const parsed = (action.verb === qaVerbs.feedback ? feedbackAction : answerAction).safeParse(action.data);
    if (!parsed.success) return { type: 'text', text: t(action.locale, 'unknownCardAction') };
    let stored: StoredRecord<QaAnswer> | null;
    try {
      stored = await this.find(parsed.data.answerKey);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return this.whileUnavailable(action, parsed.data);
    }
    if (!stored) return { type: 'text', text: t(action.locale, 'qaExpired') };
    if (stored.data.askerId !== action.user.aadObjectId?.toLowerCase()) {
      return { type: 'text', text: t(action.locale, 'qaNotYours') };
    }
    const locale = answerLocale(action.locale, stored.data);
    const updated =
      'helpful' in parsed.data
        ? await this.recordFeedback(stored, parsed.data.helpful === true, locale)
        : await escalateQuestion({ ...this.deps, stored, locale });
    return { type: 'card', card: policyAnswerCard(this.cardInput(locale, updated)) };
  }

  /**
   * The store is unreachable: feedback is kept in the outbox (nothing the user submitted is lost) and the
   * user is told it was received; passing a question on needs the stored answer, so it waits.
   */
  private async whileUnavailable(
    action: CardAction,
    data: { answerKey: string; helpful?: boolean },
  ): Promise<ActionResult> {
    if (data.helpful === undefined || !action.user.aadObjectId) {
      return { type: 'text', text: t(action.locale, 'qaTryLater') };
    }
    await this.deps.writer.create(qaFeedbackKind, {
      answerKey: data.answerKey,
      helpful: data.helpful,
      userId: action.user.aadObjectId,
      locale: action.locale,
    });
    return { type: 'text', text: t(action.locale, 'qaFeedbackQueued') };
  }

  private async recordFeedback(stored: StoredRecord<QaAnswer>, helpful: boolean, locale: Locale) {
    // A second click (or a redelivered invoke) finds the feedback already there and records nothing.
    if (stored.data.feedback !== 'none') return stored.data;
    const feedback = helpful ? 'helpful' : 'notHelpful';
    // The ETag makes two presses at once resolve to one: the loser re-reads and shows the winner's state.
    const won = await updateOrReread(this.deps.records, stored, { feedback });
    if (!won.updated) return won.record.data;
    await this.deps.writer.create(qaFeedbackKind, {
      answerKey: stored.data.answerKey,
      question: stored.data.question,
      sectionId: stored.data.sectionId,
      helpful,
      userId: stored.data.askerId,
      locale,
    });
    return won.record.data;
  }

  private async find(answerKey: string): Promise<StoredRecord<QaAnswer> | null> {
    const page = await this.deps.records.query(qaAnswerKind, { where: { answerKey }, limit: 1 });
    return page.records[0] ?? null;
  }

  private cardInput(locale: Locale, answer: QaAnswer): AnswerCardInput {
    const admin = systemAdministrator(this.deps.profile);
    return {
      locale,
      answerKey: answer.answerKey,
      question: answer.question,
      abstained: answer.citation === null,
      excerpt: lines.parse(answer.excerpt),
      citation: answer.citation,
      related: lines.parse(answer.related),
      framing: answer.language === 'en' && answer.citation ? `According to ${answer.citation}:` : null,
      feedback: answer.feedback,
      escalation: answer.escalation,
      administratorName: admin.person.displayName,
      administratorContact: `${admin.mobilePhone} / ${admin.email}`,
    };
  }
}

/** An English question gets an English card even in a Japanese client; otherwise the client's language. */
function answerLocale(clientLocale: Locale, answer: Pick<QaAnswer, 'language'>): Locale {
  return answer.language === 'en' ? 'en' : clientLocale;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
