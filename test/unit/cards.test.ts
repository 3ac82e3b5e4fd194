import { capabilities } from '../../bot/src/assistant/capabilities';
import { respond } from '../../bot/src/assistant/respond';
import type { Reply } from '../../bot/src/assistant/turn';
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
