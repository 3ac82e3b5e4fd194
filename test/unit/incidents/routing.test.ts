import { NOTIFY_ROLES, resolveRoleHolders, route, type IncidentLevel } from '../../../bot/src/incidents';
import { ROLE_NAMES } from '../../../bot/src/policy/company-profile';
import { realContext } from './fixtures';

const org = (section: string) => ({ part: '組織的対策', section });

describe('route: who is told (9.1, 9.2, 9.3, 9.4)', () => {
  it.each<[IncidentLevel, string[], string[], string[]]>([
    [
      3,
      ['インシデント対応責任者', '代表取締役'],
      ['report-at-once', 'report-at-once'],
      ['9.1', '9.2', '9.4'],
    ],
    [
      2,
      ['システム管理者', 'インシデント対応責任者'],
      ['report-first', 'inform'],
      ['9.1', '9.2', '9.3', '9.4'],
    ],
    [
      1,
      ['システム管理者', 'インシデント対応責任者'],
      ['report-first', 'inform'],
      ['9.1', '9.2', '9.3', '9.4'],
    ],
    [0, ['システム管理者'], ['report-first'], ['9.2']],
  ])('level %i', (level, roles, duties, sections) => {
    const r = route(level);
    expect(r.roles).toEqual(roles);
    expect(r.recipients.map((x) => x.duty)).toEqual(duties);
    expect(r.citations).toEqual(sections.map(org));
  });

  it('names roles exactly as 組織的対策 1 does, plus 代表取締役 of 9.1', () => {
    expect(NOTIFY_ROLES).toEqual(['代表取締役', ...ROLE_NAMES]);
    const table = realContext().pack.byId.get('組織的対策 1')?.tables[0];
    const committee = table?.rows.map((r) => r[0]) ?? [];
    for (const level of [0, 1, 2, 3] as const) {
      for (const role of route(level).roles) {
        if (role === '代表取締役')
          expect(realContext().pack.byId.get('組織的対策 9.1')?.text).toContain(role);
        else expect(committee).toContain(role);
      }
    }
  });
});

describe('resolveRoleHolders: people from the company profile', () => {
  it('the 代表取締役 and the holders of each role, with their 9.3 contacts', () => {
    const [rep, incident, admin] = resolveRoleHolders(
      ['代表取締役', 'インシデント対応責任者', 'システム管理者'],
      realContext().profile,
    );
    expect(rep?.people.map((p) => p.displayName)).toEqual(['高橋 誠']);
    expect(rep?.contacts).toEqual([
      expect.objectContaining({ phone: '090-0000-0001', email: 'president@sakura-seiki.example' }),
    ]);
    expect(incident?.people.map((p) => p.displayName)).toEqual(['佐藤 健一']);
    expect(incident?.contacts[0]).toMatchObject({
      email: 'incident@sakura-seiki.example',
      citation: org('9.3'),
    });
    expect(admin?.people.map((p) => p.displayName)).toEqual(['佐藤 健一', '鈴木 美咲']);
    expect(admin?.contacts.map((c) => c.phone)).toEqual(['090-0000-0002', '090-0000-0003']);
  });

  it('a role without a 連絡網 entry still has its holders', () => {
    const [edu] = resolveRoleHolders(['教育責任者'], realContext().profile);
    expect(edu?.people.map((p) => p.displayName)).toEqual(['山田 裕子']);
    expect(edu?.contacts).toEqual([]);
  });
});
