import type { Locale } from '../i18n/locale';
import { t } from '../i18n/messages';
import { card, literalText, type AdaptiveCardJson } from './card';

/** What an answer card shows; built from the stored answer, so a refreshed card matches the first one. */
export interface AnswerCardInput {
  locale: Locale;
  answerKey: string;
  question: string;
  abstained: boolean;
  /** The excerpt, one entry per line / bullet / table row, already in display form. */
  excerpt: string[];
  /** `組織的対策 5.6 情報資産の社外持ち出し`; null when the policy does not cover the question. */
  citation: string | null;
  related: string[];
  /** English questions get English framing around the Japanese excerpt. */
  framing: string | null;
  feedback: 'none' | 'helpful' | 'notHelpful';
  escalation: 'none' | 'sent' | 'queued' | 'failed';
  administratorName: string;
  administratorContact: string;
}

/** Only a verb and the answer id go back to the bot: the server decides from its own record. */
export const qaVerbs = { feedback: 'qaFeedback', escalate: 'qaEscalate' } as const;

const execute = (title: string, verb: string, data: Record<string, unknown>) => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
});

export function policyAnswerCard(input: AnswerCardInput): AdaptiveCardJson {
  const { locale } = input;
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: t(locale, 'qaAnswerTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
    literalText(`${t(locale, 'qaYourQuestion')}: ${input.question}`, { isSubtle: true }),
  ];
  if (input.abstained || input.citation === null) {
    body.push({
      type: 'TextBlock',
      text: t(locale, 'qaNotCovered', { name: input.administratorName }),
      wrap: true,
    });
  } else {
    if (input.framing) body.push(literalText(input.framing));
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: input.excerpt.map((line) => literalText(line)),
    });
    body.push(literalText(t(locale, 'qaSource', { citation: input.citation }), { weight: 'Bolder' }));
    if (input.related.length > 0) {
      body.push(literalText(`${t(locale, 'qaRelated')}: ${input.related.join(' / ')}`, { isSubtle: true }));
    }
  }
  body.push(...statusLines(input));
  return card(body, actions(input));
}

function statusLines(input: AnswerCardInput): Record<string, unknown>[] {
  const { locale } = input;
  const lines: string[] = [];
  if (input.feedback === 'helpful') lines.push(t(locale, 'qaThanksHelpful'));
  if (input.feedback === 'notHelpful') lines.push(t(locale, 'qaThanksNotHelpful'));
  const name = input.administratorName;
  if (input.escalation === 'sent') lines.push(t(locale, 'qaEscalated', { name }));
  if (input.escalation === 'queued') lines.push(t(locale, 'qaEscalationQueued', { name }));
  if (input.escalation === 'failed') {
    lines.push(t(locale, 'qaEscalationFailed', { name, contact: input.administratorContact }));
  }
  return lines.map((text) => ({ type: 'TextBlock', text, wrap: true, color: 'Accent', separator: true }));
}

function actions(input: AnswerCardInput): Record<string, unknown>[] {
  const { locale, answerKey } = input;
  const list: Record<string, unknown>[] = [];
  if (!input.abstained && input.feedback === 'none') {
    list.push(
      execute(t(locale, 'qaHelpful'), qaVerbs.feedback, { answerKey, helpful: true }),
      execute(t(locale, 'qaNotHelpful'), qaVerbs.feedback, { answerKey, helpful: false }),
    );
  }
  if (input.escalation === 'none' || input.escalation === 'failed') {
    list.push(execute(t(locale, 'qaAskStaff'), qaVerbs.escalate, { answerKey }));
  }
  return list;
}

/** The card the システム管理者 receives with a passed-on question. */
export function escalationCard(input: {
  locale: Locale;
  askerName: string;
  question: string;
  citation: string | null;
}): AdaptiveCardJson {
  const { locale } = input;
  return card([
    { type: 'TextBlock', text: t(locale, 'qaEscalationTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
    literalText(t(locale, 'qaEscalationFrom', { name: input.askerName }), { isSubtle: true }),
    { type: 'Container', style: 'emphasis', items: [literalText(input.question)] },
    literalText(
      input.citation
        ? t(locale, 'qaEscalationCited', { citation: input.citation })
        : t(locale, 'qaEscalationNone'),
      { isSubtle: true },
    ),
  ]);
}
