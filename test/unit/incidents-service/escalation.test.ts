import { respondersFor } from '../../../bot/src/incidents/incident-plan';
import { escalationTarget } from '../../../bot/src/incidents/reminder-policy';
import type { CompanyProfile } from '../../../bot/src/policy/company-profile';
import { ids, profile } from '../../support/incident-fakes';

const lead = {
  objectId: 'eeeeeeee-0000-4000-8000-000000000009',
  upn: 'lead@example.com',
  displayName: '木村 拓也',
};
/** A company where the インシデント対応責任者 is not a システム管理者. */
const separate: CompanyProfile = { ...profile, roles: { ...profile.roles, インシデント対応責任者: [lead] } };

describe('who is told, and who is asked next', () => {
  it('asks the システム管理者 of a level 1–2 incident and keeps the インシデント対応責任者 informed', () => {
    const { responders } = respondersFor(2, separate);
    expect(responders.map((r) => [r.name, r.duty])).toEqual([
      ['佐藤 健一', 'asked'],
      ['鈴木 美咲', 'asked'],
      ['木村 拓也', 'informed'],
    ]);
    expect(escalationTarget(responders, separate)).toEqual({
      role: 'インシデント対応責任者',
      people: [{ id: lead.objectId, name: '木村 拓也' }],
    });
  });

  it('passes over a role whose holder was asked already (one person, two roles)', () => {
    const { responders } = respondersFor(1, profile);
    expect(responders.find((r) => r.id === ids.sato)?.roles).toEqual([
      'システム管理者',
      'インシデント対応責任者',
    ]);
    expect(escalationTarget(responders, profile)?.role).toBe('代表取締役');
  });

  it('has nobody above the 代表取締役', () => {
    expect(escalationTarget(respondersFor(3, profile).responders, profile)).toBeNull();
  });

  it('adds people when the level goes up and removes nobody when it goes down', () => {
    const level0 = respondersFor(0, profile).responders;
    const level3 = respondersFor(3, profile, level0);
    expect(level3.added.map((r) => r.id)).toEqual([ids.ceo]);
    expect(respondersFor(0, profile, level3.responders).responders).toHaveLength(3);
  });
});
