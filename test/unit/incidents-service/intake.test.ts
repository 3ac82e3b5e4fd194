import { draftFromText, parseIntake } from '../../../bot/src/incidents/intake';
import { virusSubmission } from '../../support/incident-fakes';

const now = new Date('2025-06-02T01:00:00Z'); // 10:00 JST

describe('parseIntake', () => {
  it('reads the card times as company time (JST) and stores UTC', () => {
    const result = parseIntake(
      { ...virusSubmission, occurredDate: '2025-06-01', occurredTime: '23:15', personalDataCount: '7' },
      now,
    );
    expect(result.ok && result.values).toMatchObject({
      discoveredAt: '2025-06-02T00:30:00.000Z',
      occurredAt: '2025-06-01T14:15:00.000Z',
      // No personal data: a count means nothing.
      personalDataCount: null,
      teleworking: false,
      specificPersonalInfo: false,
    });
  });

  it('takes a day without a time as the start of that day, and an unknown day as null', () => {
    const withDay = parseIntake({ ...virusSubmission, occurredDate: '2025-05-31' }, now);
    expect(withDay.ok && withDay.values.occurredAt).toBe('2025-05-30T15:00:00.000Z');
    const without = parseIntake({ ...virusSubmission, occurredDate: '', occurredTime: '' }, now);
    expect(without.ok && without.values.occurredAt).toBeNull();
  });

  it.each([
    [{ discoveredDate: '2025-02-30' }, 'discoveredDate', 'errDate'],
    [{ discoveredDate: '2025-06-02', discoveredTime: '10:10' }, 'discoveredDate', 'errFuture'],
    [{ occurredDate: '2025-06-02', occurredTime: '09:31' }, 'occurredDate', 'errOccurredAfterDiscovered'],
    [{ occurredTime: '08:00' }, 'occurredDate', 'errTimeWithoutDate'],
    [
      { personalData: 'no', specificPersonalInfo: 'true' },
      'specificPersonalInfo',
      'errSpecificWithoutPersonal',
    ],
    [{ personalData: 'yes', personalDataCount: '1.5' }, 'personalDataCount', 'errCount'],
    [{ whatHappened: '   ' }, 'whatHappened', 'errWhatHappened'],
    [{ whatHappened: 'あ'.repeat(401) }, 'whatHappened', 'errWhatHappened'],
    [{ category: '火災' }, 'category', 'errCategory'],
    [{ reporterPhone: 'unknown' }, 'reporterPhone', 'errPhone'],
  ])('refuses %j with %s marked %s', (change, field, key) => {
    const result = parseIntake({ ...virusSubmission, ...change }, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [field]: key });
  });

  it('keeps the strings the user typed for the card that comes back', () => {
    const result = parseIntake({ ...virusSubmission, reporterPhone: 'x', personalDataCount: 'abc' }, now);
    expect(result.draft).toMatchObject({
      reporterPhone: 'x',
      personalDataCount: 'abc',
      category: 'ウイルス感染',
    });
  });
});

describe('draftFromText', () => {
  it.each([
    ['ウイルスに感染したかも', 'ウイルス感染'],
    ['ランサムウェアの画面が出た', 'ウイルス感染'],
    ['PCをなくした', '漏えい・流出'],
    ['スマホを盗まれた', '漏えい・流出'],
    ['メールを誤送信してしまった', '漏えい・流出'],
    ['I lost my laptop', '漏えい・流出'],
    ['My phone was stolen', '漏えい・流出'],
    ['ホームページが改ざんされた', '改ざん・消失・破壊・サービス停止'],
    ['I think my PC is infected', 'ウイルス感染'],
  ])('chooses the category of 「%s」: %s', (text, category) => {
    expect(draftFromText(text)).toMatchObject({ category, whatHappened: text });
  });

  it('chooses nothing for words it cannot place, and marks telework', () => {
    expect(draftFromText('変なことが起きた').category).toBeUndefined();
    expect(draftFromText('在宅勤務中にPCをなくした')).toMatchObject({ teleworking: 'true' });
    expect(draftFromText('')).toEqual({});
  });
});
