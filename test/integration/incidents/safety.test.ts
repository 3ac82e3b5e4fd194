import { incidentKind } from '../../../bot/src/incidents/records';
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

beforeEach(async () => {
  connector = await new RecordingConnector().start();
  bot = await startIncidentBot({ clock: new ManualClock(new Date('2025-06-02T01:00:00Z')) });
  session = new IncidentSession(bot, connector);
});
afterEach(async () => {
  await bot.stop();
  await connector.stop();
});

const idOf = (card: CardJson) => card.refresh!.action.data.incidentId;
const auditOf = async (id: string) =>
  (await bot.records.queryAudit({ subjectKind: 'incident', subjectId: id, limit: 100 })).records.map(
    (a) => a.data,
  );
const stepButtons = (card: CardJson) =>
  buttons(card).filter((b) => b.verb === 'incidentStep' && b.title === '完了');

async function reported(values = virusReport) {
  const status = cardOf(await session.report(values));
  return { id: idOf(status), card: session.sentTo(people.sato)[0]!.card };
}

describe('incident actions are safe', () => {
  it('refuses responder actions from anyone else, the reporter included, and changes nothing', async () => {
    const { id, card } = await reported();
    const step = stepButtons(card)[1]!;
    for (const user of [people.other, people.reporter]) {
      const body = await session.press('incidentStep', step.data, user);
      expect(body.value).toBe('この操作は、このインシデントの担当者だけができます。');
    }
    const record = await session.incident(id);
    expect(JSON.stringify(record.data.checklist)).not.toContain(people.other);
    expect((await auditOf(id)).map((a) => a.action)).not.toContain('incident.stepDone');
    // Nor can they see it by opening it.
    expect((await session.press('incidentOpen', { incidentId: id }, people.other)).value).toBe(
      'このインシデントを表示する権限がありません。',
    );
  });

  it('acts once on a submit or a press delivered twice', async () => {
    const form = await session.say('インシデントを報告');
    const data = { ...form.actions!.find((a) => a.verb === 'incidentSubmit')!.data, ...virusReport };
    const [a, b] = [
      await session.press('incidentSubmit', data, people.reporter),
      await session.press('incidentSubmit', data, people.reporter),
    ];
    expect(idOf(cardOf(a))).toBe(idOf(cardOf(b)));
    expect((await bot.records.query(incidentKind, { limit: 10 })).records).toHaveLength(1);
    expect(session.sentTo(people.suzuki)).toHaveLength(1);

    const id = idOf(cardOf(a));
    const step = stepButtons(session.sentTo(people.suzuki)[0]!.card)[1]!;
    await session.press('incidentStep', step.data, people.suzuki, '鈴木 美咲');
    const updates = connector.calls.filter((c) => c.kind === 'update').length;
    await session.press('incidentStep', step.data, people.suzuki, '鈴木 美咲');
    expect(connector.calls.filter((c) => c.kind === 'update').length).toBe(updates);
    expect((await auditOf(id)).filter((e) => e.action === 'incident.stepDone')).toHaveLength(1);
    expect((await auditOf(id)).filter((e) => e.action === 'incident.reported')).toHaveLength(1);
  });

  it('lets one of two responders ticking the same step at once win; the other sees who did', async () => {
    const { id, card } = await reported();
    const step = stepButtons(card)[1]!;
    const [bySato, bySuzuki] = await Promise.all([
      session.press('incidentStep', step.data, people.sato, '佐藤 健一'),
      session.press('incidentStep', step.data, people.suzuki, '鈴木 美咲'),
    ]);
    const done = (await session.incident(id)).data.checklist as {
      id: string;
      done: { byName: string } | null;
    }[];
    const winner = done.find((s) => s.id === step.data.stepId)!.done!.byName;
    expect(['佐藤 健一', '鈴木 美咲']).toContain(winner);
    for (const body of [bySato, bySuzuki]) expect(textOf(cardOf(body))).toContain(`✔ ${winner}`);
    expect((await auditOf(id)).filter((e) => e.action === 'incident.stepDone')).toHaveLength(1);
  });

  it('records two different steps ticked at once, and moves the phase once for two presses', async () => {
    const { id, card } = await reported();
    const [first, second] = stepButtons(card).slice(1);
    await Promise.all([
      session.press('incidentStep', first!.data, people.sato, '佐藤 健一'),
      session.press('incidentStep', second!.data, people.suzuki, '鈴木 美咲'),
    ]);
    const advance = buttons(card).find((b) => b.verb === 'incidentAdvance')!;
    await Promise.all([
      session.press('incidentAdvance', advance.data, people.sato, '佐藤 健一'),
      session.press('incidentAdvance', advance.data, people.suzuki, '鈴木 美咲'),
    ]);
    const record = await session.incident(id);
    const ticked = (record.data.checklist as { id: string; done: unknown }[]).filter((s) => s.done !== null);
    expect(ticked.map((s) => s.id).sort()).toEqual([first!.data.stepId, second!.data.stepId].sort());
    expect(record.data.phase).toBe('初動');
    expect((await auditOf(id)).filter((e) => e.action === 'incident.phaseAdvanced')).toHaveLength(1);
  });

  it('names a responder Teams cannot reach to the reporter, with their phone, and audits it', async () => {
    await session.say('インシデントを報告'); // the reporter's chat gives the bot a service URL
    connector.failWhen(
      (c) => c.kind === 'createConversation' && JSON.stringify(c.body).includes(people.suzuki),
      {
        status: 403,
        body: { error: { code: 'Forbidden', message: 'The bot is not installed for the user' } },
      },
    );
    const status = cardOf(await session.report(virusReport));
    expect(adaptiveCardProblems(status)).toEqual([]);
    expect(textOf(status)).toContain('Teams で連絡できなかった担当者がいます');
    expect(textOf(status)).toContain('鈴木 美咲（システム管理者）: 090-0000-0003');
    const id = idOf(status);
    const failed = (await auditOf(id)).find((e) => e.action === 'incident.notifyFailed')!;
    expect(failed.detail).toMatchObject({ to: people.suzuki, role: 'システム管理者' });
    expect((await session.incident(id)).data.unreachable).toEqual([
      expect.objectContaining({ id: people.suzuki, phone: '090-0000-0003' }),
    ]);
  });

  it('raises the level with a reason, tells the CEO, and refuses a form made before that change', async () => {
    const { id, card } = await reported();
    const form = buttons(card).find((b) => b.verb === 'incidentReclassify')!;
    const raised = cardOf(
      await session.press(
        'incidentReclassify',
        { ...form.data, newCategory: '漏えい・流出', newLevel: '3', reason: '顧客データの流出を確認' },
        people.suzuki,
        '鈴木 美咲',
      ),
    );
    expect(adaptiveCardProblems(raised)).toEqual([]);
    expect(textOf(raised)).toContain('事故レベル 3');
    expect(textOf(raised)).toContain('鈴木 美咲 さんが変更: 顧客データの流出を確認');
    expect(session.sentTo(people.ceo)).toHaveLength(1);
    expect((await auditOf(id)).find((e) => e.action === 'incident.reclassified')?.detail).toMatchObject({
      fromLevel: 1,
      toLevel: 3,
    });

    const stale = cardOf(
      await session.press(
        'incidentReclassify',
        { ...form.data, newCategory: 'ウイルス感染', newLevel: '0', reason: '誤検知' },
        people.sato,
        '佐藤 健一',
      ),
    );
    expect(textOf(stale)).toContain('他の担当者が先に内容を更新しました');
    expect((await session.incident(id)).data.level).toBe(3);
  });

  it('keeps every leak at level 2 or above, and the reporter from lowering their own report', async () => {
    const { card } = await reported(leakReport);
    const form = buttons(card).find((b) => b.verb === 'incidentReclassify')!;
    const floor = cardOf(
      await session.press(
        'incidentReclassify',
        { ...form.data, newCategory: '漏えい・流出', newLevel: '1', reason: 'x' },
        people.sato,
      ),
    );
    expect(textOf(floor)).toContain('漏えい・流出は全て事故レベル2以上です（組織的対策 9.4）');

    // The システム管理者 reports a virus himself: he is a responder, but cannot lower his own report.
    const own = cardOf(await session.report(virusReport, people.sato));
    const ownForm = buttons(session.sentTo(people.sato).at(-1)!.card).find(
      (b) => b.verb === 'incidentReclassify',
    )!;
    const lowered = cardOf(
      await session.press(
        'incidentReclassify',
        { ...ownForm.data, newCategory: 'ウイルス感染', newLevel: '0', reason: '誤検知' },
        people.sato,
      ),
    );
    expect(textOf(lowered)).toContain('報告者は自分の報告の事故レベルを下げられません');
    expect((await session.incident(idOf(own))).data.level).toBe(1);
  });
});
