import {
  INCIDENT_CATEGORIES,
  externalBodies,
  externalFlags,
  type ExternalFlag,
  type TriageInput,
} from '../../../bot/src/incidents';
import { realContext, report } from './fixtures';

const flags = (overrides: Partial<TriageInput>): ExternalFlag[] =>
  externalFlags(report(overrides), realContext().profile);
const bodies = (overrides: Partial<TriageInput>) => externalBodies(flags(overrides));
const org = (section: string) => ({ part: '組織的対策', section });

describe('externalFlags (9.6, 9.4)', () => {
  it('nothing for a report without personal data, unauthorised access or virus', () => {
    for (const category of ['漏えい・流出', '改ざん・消失・破壊・サービス停止', 'その他'] as const) {
      expect(bodies({ category, impact: 'external' })).toEqual([]);
    }
  });

  it.each(INCIDENT_CATEGORIES)(
    'personal data (yes) in %s → 個人情報保護委員会, 個人データ desk',
    (category) => {
      const [f] = flags({ category, personalData: 'yes', personalDataCount: 5000 });
      expect(f).toMatchObject({
        body: '個人情報保護委員会',
        reason: 'personal-data',
        urgency: 'promptly',
        seriousIncident: null,
        contactKey: 'ppcPersonalData',
        citation: org('9.6'),
      });
      expect(f?.contact.phone).toBe('03-6457-9685');
    },
  );

  it('personal data unknown → flagged as おそれ (9.6 ③)', () => {
    expect(flags({ category: '漏えい・流出', personalData: 'unknown' })).toEqual([
      expect.objectContaining({ body: '個人情報保護委員会', reason: 'possible-personal-data' }),
    ]);
  });

  it('no personal data → no 個人情報保護委員会', () => {
    expect(bodies({ category: '漏えい・流出', personalData: 'no', personalDataCount: 500 })).toEqual([]);
  });

  describe('特定個人情報: 重大事態 when more than 100 people', () => {
    it.each<[number | null, 'yes' | 'possible' | 'no', string]>([
      [1, 'no', 'promptly'],
      [100, 'no', 'promptly'],
      [101, 'yes', 'immediately'],
      [5000, 'yes', 'immediately'],
      [null, 'possible', 'immediately'],
    ])('%p people → 重大事態 %s', (count, serious, urgency) => {
      const f = flags({
        category: '漏えい・流出',
        personalData: 'yes',
        specificPersonalInfo: true,
        personalDataCount: count,
      });
      expect(f).toEqual([
        expect.objectContaining({
          body: '個人情報保護委員会',
          reason: 'specific-personal-info',
          seriousIncident: serious,
          urgency,
          contactKey: 'ppcSpecificPersonalInfo',
          citation: org('9.6'),
        }),
      ]);
      expect(f[0]?.contact.phone).toBe('03-6457-9680');
    });

    it('a count over 100 without 特定個人情報 is not 重大事態', () => {
      expect(flags({ personalData: 'yes', personalDataCount: 101 })[0]?.seriousIncident).toBeNull();
    });
  });

  it.each(INCIDENT_CATEGORIES)('unauthorised access in %s → 警察 (9.4) and IPA (9.6)', (category) => {
    const f = flags({ category, unauthorizedAccess: true });
    expect(f.find((x) => x.body === '警察')).toMatchObject({
      contactKey: 'policeCyberCrime',
      citation: org('9.4'),
    });
    expect(f.find((x) => x.reason === 'unauthorized-access' && x.body === 'IPA')).toMatchObject({
      contactKey: 'ipaUnauthorizedAccess',
      citation: org('9.6'),
    });
    expect(f.find((x) => x.body === '警察')?.contact.toBeFilled).toBe(true);
  });

  it('virus → IPA ウイルス desk, at any level', () => {
    for (const impact of ['none', 'external'] as const) {
      expect(flags({ category: 'ウイルス感染', impact })).toEqual([
        expect.objectContaining({
          body: 'IPA',
          reason: 'virus',
          contactKey: 'ipaVirus',
          citation: org('9.6'),
        }),
      ]);
    }
  });

  it('bodies once each, in the order 個人情報保護委員会, 警察, IPA', () => {
    expect(bodies({ category: 'ウイルス感染', unauthorizedAccess: true, personalData: 'yes' })).toEqual([
      '個人情報保護委員会',
      '警察',
      'IPA',
    ]);
    expect(
      flags({ category: 'ウイルス感染', unauthorizedAccess: true }).filter((x) => x.body === 'IPA'),
    ).toHaveLength(2);
  });

  it('contacts come from the profile', () => {
    const profile = structuredClone(realContext().profile);
    profile.contacts.external.policeCyberCrime = {
      organisation: '警視庁',
      desk: 'サイバー犯罪相談窓口',
      phone: '03-5805-1731',
      email: null,
      url: null,
      toBeFilled: false,
    };
    const [police] = externalFlags(report({ unauthorizedAccess: true }), profile);
    expect(police?.contact).toMatchObject({ organisation: '警視庁', phone: '03-5805-1731' });
  });
});
