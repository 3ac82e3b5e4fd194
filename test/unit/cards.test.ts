import { capabilities } from '../../bot/src/assistant/capabilities';
import { respond } from '../../bot/src/assistant/respond';
import type { Reply } from '../../bot/src/assistant/turn';
import { escalationCard, policyAnswerCard } from '../../bot/src/cards/policy-answer-card';
import { welcomeCard } from '../../bot/src/cards/welcome-card';
import { StaticSecurityStaff } from '../../bot/src/directory/security-staff';
import type { Locale } from '../../bot/src/i18n/locale';
import { adaptiveCardProblems } from '../support/adaptive-card-check';

const locales: Locale[] = ['ja', 'en'];

describe('every card the bot sends parses as Adaptive Card 1.5 without problems', () => {
  it.each(locales)('welcome card (%s), for employees and for security staff', (locale) => {
    for (const isSecurityStaff of [false, true]) {
      expect(adaptiveCardProblems(welcomeCard({ locale, isSecurityStaff }))).toEqual([]);
    }
  });

  it('the check itself catches a broken card', () => {
    expect(
      adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }),
    ).not.toEqual([]);
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.2', body: [] })).not.toEqual([]);
  });

  it.each(locales)('every reply to every capability button (%s) is text or a valid card', async (locale) => {
    const deps = { securityStaff: new StaticSecurityStaff(['staff']), handlers: {}, actionHandlers: [] };
    const user = { aadObjectId: 'staff', name: 'x' };
    for (const capability of capabilities) {
      const replies: Reply[] = await respond(
        { kind: 'message', locale, user, text: '', value: { mamori: 'openCapability', capability } },
        deps,
      );
      for (const reply of replies) {
        if (reply.type === 'card') expect(adaptiveCardProblems(reply.card)).toEqual([]);
        else expect(reply.text.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('welcome card', () => {
  it('offers posture buttons to security staff only', () => {
    const json = (staff: boolean) => JSON.stringify(welcomeCard({ locale: 'ja', isSecurityStaff: staff }));
    expect(json(false)).not.toContain('MFA 登録状況');
    expect(json(true)).toContain('MFA 登録状況');
    expect(json(true)).toContain('端末の準拠状況');
  });

  it('carries only an action name and a capability in its buttons', () => {
    const card = JSON.stringify(welcomeCard({ locale: 'en', isSecurityStaff: true }));
    for (const match of card.matchAll(/"data":(\{[^}]*\})/g)) {
      expect(Object.keys(JSON.parse(match[1]!) as object).sort()).toEqual(['capability', 'mamori']);
    }
  });
});

describe('policy answer cards parse as Adaptive Card 1.5 in every state', () => {
  const base = {
    answerKey: '5d0c6a38-2d3b-4f6e-9a51-7b3e6f0d2c11',
    question: '**USB** <b>で</b> 持ち出すには？',
    excerpt: ['・極秘の場合は代表取締役の許可を得る。', '090-****-****'],
    citation: '組織的対策 5.6 情報資産の社外持ち出し',
    related: ['組織的対策 5.1 情報資産の分類'],
    framing: null,
    administratorName: '佐藤 健一',
    administratorContact: '090-0000-0002 / system@sakura-seiki.example',
  };
  const feedbacks = ['none', 'helpful', 'notHelpful'] as const;
  const escalations = ['none', 'sent', 'queued', 'failed'] as const;

  it.each(locales)('answer and abstention cards (%s)', (locale) => {
    for (const feedback of feedbacks) {
      for (const escalation of escalations) {
        for (const abstained of [false, true]) {
          const card = policyAnswerCard({
            ...base,
            locale,
            feedback,
            escalation,
            abstained,
            citation: abstained ? null : base.citation,
          });
          expect(adaptiveCardProblems(card)).toEqual([]);
        }
      }
    }
  });

  it('the escalation card sent to the システム管理者', () => {
    for (const citation of [base.citation, null]) {
      const card = escalationCard({
        locale: 'ja',
        askerName: '佐藤 美咲',
        question: base.question,
        citation,
      });
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
  });

  it('keeps user text out of Markdown: the question is a TextRun, placeholders stay literal', () => {
    const json = JSON.stringify(
      policyAnswerCard({ ...base, locale: 'ja', feedback: 'none', escalation: 'none', abstained: false }),
    );
    expect(json).toContain('{"type":"TextRun","text":"ご質問: **USB** <b>で</b> 持ち出すには？"');
    expect(json).toContain('{"type":"TextRun","text":"090-****-****"}');
  });
});
