import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { ManualClock, startIncidentBot, type IncidentBot } from '../../support/incident-bot';
import {
  cardOf,
  IncidentSession,
  leakReport,
  people,
  textOf,
  virusReport,
  type CardJson,
} from '../../support/incident-flow';
import { RecordingConnector } from '../../support/recording-connector';

const minutes = (n: number) => n * 60_000;
let connector: RecordingConnector;
let clock: ManualClock;
let bot: IncidentBot;
let session: IncidentSession;

beforeEach(async () => {
  connector = await new RecordingConnector().start();
  clock = new ManualClock(new Date('2025-06-02T01:00:00Z'));
  bot = await startIncidentBot({ clock });
  session = new IncidentSession(bot, connector);
});
afterEach(async () => {
  await bot.stop();
  await connector.stop();
});

const idOf = (card: CardJson) => card.refresh!.action.data.incidentId;

describe('incident reminders', () => {
  it('reminds, then escalates up the chain, and keeps the due times across a restart', async () => {
    const id = idOf(cardOf(await session.report(virusReport))); // level 1: 4 hours
    expect(await bot.reminders.tick()).toEqual({ reminded: 0, escalated: 0, routed: 0 });

    clock.advance(minutes(4 * 60));
    expect(await bot.reminders.tick()).toEqual({ reminded: 1, escalated: 0, routed: 0 });
    for (const person of [people.sato, people.suzuki]) {
      const reminder = session.sentTo(person)[1]!.card;
      expect(adaptiveCardProblems(reminder)).toEqual([]);
      expect(textOf(reminder)).toContain('リマインダー（1 回目）');
    }
    expect(session.sentTo(people.ceo)).toHaveLength(0);

    // A restart: the next due time is read back from the SQLite file.
    await bot.stop();
    bot = await startIncidentBot({ clock, dataDir: bot.dataDir });
    session = new IncidentSession(bot, connector);
    expect(await bot.reminders.tick()).toEqual({ reminded: 0, escalated: 0, routed: 0 });

    clock.advance(minutes(4 * 60));
    expect(await bot.reminders.tick()).toEqual({ reminded: 0, escalated: 1, routed: 0 });
    // 佐藤 is システム管理者 and インシデント対応責任者 already: the next role up is the 代表取締役.
    const escalation = session.sentTo(people.ceo)[0]!.card;
    expect(adaptiveCardProblems(escalation)).toEqual([]);
    expect(textOf(escalation)).toContain('エスカレーション');
    expect(escalation.refresh!.userIds).toContain(people.ceo);
    const record = await session.incident(id);
    expect(record.data.reminderCount).toBe(2);
    const audit = await bot.records.queryAudit({ subjectKind: 'incident', subjectId: id, limit: 100 });
    expect(audit.records.map((a) => a.data.action)).toEqual(
      expect.arrayContaining(['incident.reminder', 'incident.escalation']),
    );

    // The CEO acknowledges: no more reminders.
    const acknowledged = await session.press(
      'incidentAcknowledge',
      { incidentId: id },
      people.ceo,
      '高橋 誠',
    );
    expect(textOf(cardOf(acknowledged))).toContain('高橋 誠 さんが受領');
    clock.advance(minutes(8 * 60));
    expect(await bot.reminders.tick()).toEqual({ reminded: 0, escalated: 0, routed: 0 });
  });

  it('gives a level 3 incident 30 minutes, and leaves an acknowledged one alone', async () => {
    const urgent = idOf(cardOf(await session.report(leakReport)));
    const other = idOf(cardOf(await session.report(leakReport)));
    await session.press('incidentAcknowledge', { incidentId: other }, people.sato, '佐藤 健一');
    clock.advance(minutes(29));
    expect((await bot.reminders.tick()).reminded).toBe(0);
    clock.advance(minutes(1));
    expect(await bot.reminders.tick()).toEqual({ reminded: 1, escalated: 0, routed: 0 });
    expect((await session.incident(urgent)).data.reminderCount).toBe(1);
    expect((await session.incident(other)).data.reminderCount).toBe(0);
    // Level 3 already asks the 代表取締役, the top of the chain: a second miss reminds again.
    clock.advance(minutes(30));
    expect(await bot.reminders.tick()).toEqual({ reminded: 1, escalated: 0, routed: 0 });
  });
});
