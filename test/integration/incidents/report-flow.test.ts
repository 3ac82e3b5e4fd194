import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { ManualClock, startIncidentBot, type IncidentBot } from '../../support/incident-bot';
import {
  buttons,
  cardOf,
  IncidentSession,
  leakReport,
  people,
  textOf,
  virusReport,
  type CardJson,
} from '../../support/incident-flow';
import { RecordingConnector } from '../../support/recording-connector';

let connector: RecordingConnector;
let bot: IncidentBot;
let session: IncidentSession;
const clock = new ManualClock(new Date('2025-06-02T01:00:00Z')); // 10:00 JST

beforeEach(async () => {
  connector = await new RecordingConnector().start();
  bot = await startIncidentBot({ clock });
  session = new IncidentSession(bot, connector);
});
afterEach(async () => {
  await bot.stop();
  await connector.stop();
});

const expectValid = (card: CardJson) => expect(adaptiveCardProblems(card)).toEqual([]);
const incidentIdOf = (card: CardJson) => card.refresh!.action.data.incidentId;

describe('an incident report through /api/messages', () => {
  it('triages a leak of 120 customers to level 3, tells the incident lead and the CEO, and answers the reporter', async () => {
    const status = cardOf(await session.report(leakReport));
    expectValid(status);
    const text = textOf(status);
    expect(text).toContain('事故レベル 3');
    expect(text).toContain('組織的対策 9.2「個人情報が漏えいしたとき」');
    // Teleworking: the 人的対策 6.6 emergency contact from the profile.
    expect(text).toContain('人的対策 6.6');
    expect(text).toContain('090-0000-0002');
    expect(text).toContain('佐藤 健一');
    expect(text).toContain('高橋 誠');
    expect(buttons(status).map((b) => b.verb)).toEqual(['incidentMyReports']);

    const toLead = session.sentTo(people.sato);
    const toCeo = session.sentTo(people.ceo);
    expect(toLead).toHaveLength(1);
    expect(toCeo).toHaveLength(1);
    expect(session.sentTo(people.suzuki)).toHaveLength(0);
    const responderCard = toLead[0]!.card;
    expectValid(responderCard);
    // Teams user ids (MRIs) where a chat has shown them (the reporter), else the Entra object id.
    expect(responderCard.refresh!.userIds.sort()).toEqual(
      [people.sato, people.ceo, `29:${people.reporter}`].sort(),
    );
    expect(textOf(responderCard)).toContain('個人情報保護委員会');
    expect(textOf(responderCard)).toContain('03-6457-9685');

    const stored = await session.incident(incidentIdOf(status));
    expect(stored.data).toMatchObject({ level: 3, phase: '発見報告', routing: 'done', open: true });
    expect(stored.data.classification).toBe('漏えい・流出 / 事故レベル3');
    expect(stored.data.sentCards).toHaveLength(2);
  });

  it('tells a virus reporter to disconnect from the network first, then the 9.4 virus steps', async () => {
    const status = cardOf(await session.report(virusReport));
    expectValid(status);
    const text = textOf(status);
    expect(text).toContain('事故レベル 1');
    expect(text.indexOf('ネットワークから切り離して')).toBeLessThan(text.indexOf('ウイルス対策ソフトを実行'));
    // Levels 1–2: the システム管理者 first (both holders), the インシデント対応責任者 informed (same person here).
    expect(session.sentTo(people.sato)).toHaveLength(1);
    expect(session.sentTo(people.suzuki)).toHaveLength(1);
    expect(session.sentTo(people.ceo)).toHaveLength(0);
  });

  it('ticks a step, advances the phase, updates every sent card and the reporter sees it on refresh', async () => {
    const status = cardOf(await session.report(virusReport));
    const incidentId = incidentIdOf(status);
    const responderCard = session.sentTo(people.suzuki)[0]!.card;
    const step = buttons(responderCard).find((b) => b.verb === 'incidentStep' && b.title === '完了')!;

    const afterTick = cardOf(await session.press('incidentStep', step.data, people.suzuki, '鈴木 美咲'));
    expectValid(afterTick);
    expect(textOf(afterTick)).toContain('✔ 鈴木 美咲');
    // Every card sent about the incident was replaced with the new state.
    expect(session.updatesTo(people.sato).length).toBeGreaterThanOrEqual(1);
    expect(textOf(session.updatesTo(people.sato).at(-1))).toContain('✔ 鈴木 美咲');

    const advance = buttons(afterTick).find((b) => b.verb === 'incidentAdvance')!;
    const afterAdvance = cardOf(
      await session.press('incidentAdvance', advance.data, people.suzuki, '鈴木 美咲'),
    );
    expect(textOf(afterAdvance)).toContain('フェーズ: ②初動');
    expect(textOf(session.updatesTo(people.sato).at(-1))).toContain('フェーズ: ②初動');

    const stored = await session.incident(incidentId);
    expect(stored.data.phase).toBe('初動');
    expect(stored.data.acknowledgedBy).toBe(people.suzuki);
    const audit = await bot.records.queryAudit({ subjectKind: 'incident', subjectId: incidentId, limit: 50 });
    expect(audit.records.map((a) => a.data.action)).toEqual(
      expect.arrayContaining(['incident.reported', 'incident.stepDone', 'incident.phaseAdvanced']),
    );

    // The reporter's card refreshes (Universal Actions) into the current state, read-only.
    const refreshed = cardOf(await session.press('incidentRefresh', { incidentId }, people.reporter));
    expectValid(refreshed);
    expect(textOf(refreshed)).toContain('フェーズ: ②初動');
    expect(textOf(refreshed)).toContain('鈴木 美咲 さんが受領');
    expect(buttons(refreshed).map((b) => b.verb)).toEqual(['incidentMyReports']);
  });

  it('sends the reporter a message at the final report, with the measures against recurrence', async () => {
    const status = cardOf(await session.report(virusReport));
    const incidentId = incidentIdOf(status);
    let card = session.sentTo(people.sato)[0]!.card;
    const edit = buttons(card).find((b) => b.verb === 'incidentEditReport')!;
    card = cardOf(
      await session.press(
        'incidentEditReport',
        {
          ...edit.data,
          preventionMeasures: '添付ファイルを開く前に送信元を確認する',
          whatHappened: '添付ファイルを開いた',
        },
        people.sato,
        '佐藤 健一',
      ),
    );
    expectValid(card);
    for (let i = 0; i < 4; i++) {
      const next = buttons(card).find((b) => b.verb === 'incidentAdvance')!;
      card = cardOf(await session.press('incidentAdvance', next.data, people.sato, '佐藤 健一'));
    }
    expectValid(card);
    expect(textOf(card)).toContain('⑤最終報告');
    expect(buttons(card).filter((b) => b.verb !== 'incidentMyReports')).toEqual([]);
    const final = session.sentTo(people.reporter).at(-1)!.card;
    expectValid(final);
    expect(textOf(final)).toContain('の対応が完了しました');
    expect(textOf(final)).toContain('添付ファイルを開く前に送信元を確認する');
    const stored = await session.incident(incidentId);
    expect(stored.data).toMatchObject({ open: false, reminding: false, phase: '最終報告' });
  });

  it('lists my reports for the reporter and the open incidents by level for responders', async () => {
    await session.report(virusReport);
    await session.report(leakReport);
    const mine = cardOf(await session.press('incidentMyReports', {}, people.reporter));
    expectValid(mine);
    expect(textOf(mine)).toContain('事故レベル 3');
    expect(buttons(mine).filter((b) => b.verb === 'incidentOpen')).toHaveLength(2);

    const open = cardOf(await session.press('incidentOpenList', {}, people.sato));
    expectValid(open);
    expect(textOf(open).indexOf('事故レベル 3（1 件）')).toBeLessThan(
      textOf(open).indexOf('事故レベル 1（1 件）'),
    );
    const refused = await session.press('incidentOpenList', {}, people.other);
    expect(refused.value).toContain('担当者');
  });
});
