import { incidentKind } from '../../../bot/src/incidents/records';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { ManualClock, startIncidentBot, type IncidentBot } from '../../support/incident-bot';
import {
  cardOf,
  IncidentSession,
  leakReport,
  people,
  textOf,
  type CardJson,
} from '../../support/incident-flow';
import { RecordingConnector } from '../../support/recording-connector';

let connector: RecordingConnector;
let bot: IncidentBot;
let session: IncidentSession;

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  bot = await startIncidentBot({ clock: new ManualClock(new Date('2025-06-02T01:00:00Z')) });
  session = new IncidentSession(bot, connector);
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

/** The input with this id anywhere on the card, and the TextBlock right after it. */
function input(card: CardJson, id: string) {
  const index = card.body.findIndex((e) => e.id === id);
  return { element: card.body[index]!, next: card.body[index + 1]! };
}

describe('the incident report form', () => {
  it.each([
    ['ウイルスに感染したかも', 'ウイルス感染'],
    ['PCをなくした', '漏えい・流出'],
    ['I lost my laptop', '漏えい・流出'],
  ])(
    'opens from 「%s」 with the category %s chosen and the words as what happened',
    async (text, category) => {
      const card = await session.say(text, people.reporter, /^[a-z ]+$/i.test(text) ? 'en-US' : 'ja-JP');
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(input(card, 'category').element.value).toBe(category);
      expect(input(card, 'whatHappened').element.value).toBe(text);
    },
  );

  it('marks every problem next to its field, keeps what was typed, and stores nothing', async () => {
    const form = await session.say('インシデントを報告');
    const submissionId = form.actions!.find((a) => a.verb === 'incidentSubmit')!.data!.submissionId;
    const before = (await bot.records.query(incidentKind, { limit: 10 })).records.length;
    const body = await session.press(
      'incidentSubmit',
      {
        submissionId,
        category: '漏えい・流出',
        whatHappened: 'USBメモリを紛失した',
        discoveredDate: '2025-06-03', // tomorrow, in company time
        discoveredTime: '09:00',
        occurredTime: '08:00', // a time without a date
        systems: '',
        personalData: 'no',
        personalDataCount: '-3',
        specificPersonalInfo: 'true',
        impact: '',
        reporterPhone: 'call me',
      },
      people.reporter,
    );
    const card = cardOf(body);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(textOf(card)).toContain('入力内容を確認してください');
    const marked = (id: string) => input(card, id).next.color === 'Attention';
    for (const id of [
      'discoveredDate',
      'occurredDate',
      'systems',
      'personalDataCount',
      'specificPersonalInfo',
      'impact',
      'reporterPhone',
    ]) {
      expect([id, marked(id)]).toEqual([id, true]);
    }
    for (const id of ['category', 'whatHappened', 'personalData'])
      expect([id, marked(id)]).toEqual([id, false]);
    expect(input(card, 'discoveredDate').next.text).toBe('未来の日時は入力できません。');
    // The user's own values are kept, and the same submission id, so a fixed form is still one report.
    expect(input(card, 'whatHappened').element.value).toBe('USBメモリを紛失した');
    expect(input(card, 'reporterPhone').element.value).toBe('call me');
    expect(card.actions!.find((a) => a.verb === 'incidentSubmit')!.data!.submissionId).toBe(submissionId);
    expect((await bot.records.query(incidentKind, { limit: 10 })).records.length).toBe(before);
  });

  it('answers in English for an English Teams client', async () => {
    const form = await session.say('report an incident', people.reporter, 'en-US');
    const submit = form.actions!.find((a) => a.verb === 'incidentSubmit')!;
    const card = cardOf(
      await session.press(
        'incidentSubmit',
        { ...submit.data, ...leakReport, reporterPhone: '' },
        people.reporter,
        'Misaki',
        'en-US',
      ),
    );
    expect(input(card, 'reporterPhone').next.text).toBe('Enter a phone number (e.g. 090-1234-5678).');
    const status = cardOf(
      await session.press(
        'incidentSubmit',
        { ...submit.data, ...leakReport },
        people.reporter,
        'Misaki',
        'en-US',
      ),
    );
    expect(adaptiveCardProblems(status)).toEqual([]);
    expect(textOf(status)).toContain('Level 3');
    expect(textOf(status)).toContain('What to do now');
  });
});
