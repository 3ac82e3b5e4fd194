import { DISCONNECT, whatToDoNow, type IncidentReport } from '../../../bot/src/incidents';
import { realContext, report } from './fixtures';

const now = (overrides: Partial<IncidentReport>) => whatToDoNow({ ...report(), ...overrides }, realContext());

describe('whatToDoNow', () => {
  it.each(['none', 'employees', 'business', 'external'] as const)(
    'virus (impact %s): disconnect from the network first, then the seven steps of the 9.4 virus procedure',
    (impact) => {
      const { actions } = now({ category: 'ウイルス感染', impact });
      expect(actions[0]).toMatchObject({
        kind: 'disconnect',
        text: DISCONNECT,
        citation: { part: '組織的対策', section: '9.4' },
      });
      expect(DISCONNECT).toBe('ネットワークから切り離す');
      expect(actions.slice(1).map((a) => a.kind)).toEqual(Array(7).fill('step'));
      expect(actions[1]?.text).toBe('ネットワークからコンピュータを切断する。');
      expect(actions[7]?.text).toBe('システム管理者に報告する。');
    },
  );

  it('loss while teleworking: the 人的対策 6.6 emergency contact of the profile comes first', () => {
    const { actions, contacts } = now({ category: '漏えい・流出', impact: 'none', teleworking: true });
    const emergency = realContext().profile.contacts.telework.emergency;
    expect(contacts[0]).toEqual({
      role: null,
      label: emergency.label,
      person: emergency.person,
      department: null,
      phone: '090-0000-0002',
      email: 'helpdesk@sakura-seiki.example',
      citation: { part: '人的対策', section: '6.6' },
    });
    // The leak is level 2 (9.4 note): the reporter's own step is to report to the システム管理者.
    expect(actions.map((a) => a.text)).toEqual(['発見者は発見次第、システム管理者に報告する。']);
    // The other システム管理者 of the 連絡網 follows; 佐藤 is not listed twice.
    expect(contacts.map((c) => c.person.displayName)).toEqual(['佐藤 健一', '鈴木 美咲']);
  });

  it('the emergency contact follows an edited profile', () => {
    const ctx = realContext();
    const profile = structuredClone(ctx.profile);
    profile.contacts.telework.emergency = { ...profile.contacts.telework.emergency, phone: '03-1111-2222' };
    const { contacts } = whatToDoNow(
      { ...report({ category: '漏えい・流出' }), teleworking: true },
      { ...ctx, profile },
    );
    expect(contacts[0]?.phone).toBe('03-1111-2222');
  });

  it('in the office: no 6.6 contact; level 3 gives the 9.3 contacts of both recipients', () => {
    const r = now({ category: '漏えい・流出', impact: 'none', personalData: 'yes' });
    expect(r.level).toMatchObject({ level: 3, rule: { section: '9.2', text: '個人情報が漏えいしたとき' } });
    expect(r.actions.map((a) => a.text)).toEqual([
      '発見者は即座にインシデント対応責任者及び代表取締役社長に報告する。',
    ]);
    expect(r.contacts.map((c) => [c.role, c.email])).toEqual([
      ['インシデント対応責任者', 'incident@sakura-seiki.example'],
      ['代表取締役', 'president@sakura-seiki.example'],
    ]);
    expect(r.contacts.every((c) => c.citation.section === '9.3')).toBe(true);
  });

  it('only the roles reported to are called, not those only informed', () => {
    const r = now({ category: '改ざん・消失・破壊・サービス停止', impact: 'business' });
    expect(r.contacts.map((c) => c.role)).toEqual(['システム管理者', 'システム管理者']);
  });
});
