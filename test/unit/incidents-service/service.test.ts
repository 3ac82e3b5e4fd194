import type { CardAction } from '../../../bot/src/assistant/turn';
import { IncidentReminders } from '../../../bot/src/incidents/incident-reminders';
import { IncidentReports } from '../../../bot/src/incidents/incident-service';
import { readIncident } from '../../../bot/src/incidents/incident-state';
import { incidentKind } from '../../../bot/src/incidents/records';
import { RecordConflictError } from '../../../bot/src/store/errors';
import type { MutableRecordKind } from '../../../bot/src/store/record-kind';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { fakes, ids, virusSubmission, type Fakes } from '../../support/incident-fakes';

let f: Fakes;
let service: IncidentReports;
beforeEach(() => {
  f = fakes();
  service = new IncidentReports({ ...f.deps, isSecurityStaff: (id) => id === ids.ceo });
});
afterEach(() => f.close());

const action = (verb: string, data: unknown, user: string, name = user): CardAction => ({
  verb,
  data,
  locale: 'ja',
  user: { aadObjectId: user, name },
});

async function submit(data: object = virusSubmission) {
  const result = await service.onAction(
    action('incidentSubmit', { submissionId: crypto.randomUUID(), ...data }, ids.reporter, '佐藤 美咲'),
  );
  if (result?.type !== 'card') throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  const id = (result.card.refresh as { action: { data: { incidentId: string } } }).action.data.incidentId;
  return { card: result.card, id };
}

const stored = async (id: string) => readIncident((await f.store.get(incidentKind, id))!);

describe('IncidentReports', () => {
  it('lets exactly one of two responders who read the same state win the write', async () => {
    const { id } = await submit();
    const step = (await stored(id)).checklist[1]!;
    // Both presses read the record before either writes: a real ETag conflict, not a lucky order.
    const get = f.store.get.bind(f.store);
    const waiting: (() => void)[] = [];
    f.store.get = (async (kind: MutableRecordKind, recordId: string) => {
      const record = await get(kind, recordId);
      if (waiting.length < 1) await new Promise<void>((resolve) => waiting.push(resolve));
      else waiting.forEach((resolve) => resolve());
      return record;
    }) as typeof f.store.get;
    const update = f.store.update.bind(f.store);
    let conflicts = 0;
    f.store.update = (async (...args: Parameters<typeof update>) => {
      try {
        return await update(...args);
      } catch (error) {
        if (error instanceof RecordConflictError) conflicts++;
        throw error;
      }
    }) as typeof f.store.update;
    const data = { incidentId: id, stepId: step.id, done: true };
    const [a, b] = await Promise.all([
      service.onAction(action('incidentStep', data, ids.sato, '佐藤 健一')),
      service.onAction(action('incidentStep', data, ids.suzuki, '鈴木 美咲')),
    ]);
    f.store.get = get;
    expect(conflicts).toBe(1);
    const done = (await stored(id)).checklist[1]!.done!;
    for (const result of [a, b]) expect(JSON.stringify(result)).toContain(`✔ ${done.byName}`);
    const audit = await f.store.queryAudit({ subjectKind: 'incident', subjectId: id, limit: 50 });
    expect(audit.records.filter((e) => e.data.action === 'incident.stepDone')).toHaveLength(1);
  });

  it('keeps a report made during a store outage, tells the reporter whom to call, and routes it later', async () => {
    f.store.outage = true;
    const result = await service.onAction(
      action('incidentSubmit', { submissionId: crypto.randomUUID(), ...virusSubmission }, ids.reporter),
    );
    expect(result?.type).toBe('card');
    const text = JSON.stringify(result);
    expect(text).toContain('保存待ち');
    expect(text).toContain('ネットワークから切り離して');
    expect(text).toContain('090-0000-0002');
    expect(f.notifier.sent).toHaveLength(0);

    f.store.outage = false;
    expect((await f.writer.drain()).delivered).toBeGreaterThanOrEqual(1);
    const reminders = new IncidentReminders(f.deps);
    expect((await reminders.tick()).routed).toBe(0); // not yet: its submit may still be routing it
    f.clock.advance(61_000);
    expect((await reminders.tick()).routed).toBe(1);
    expect(f.notifier.sentTo(ids.sato)).toHaveLength(1);
    expect(f.notifier.sentTo(ids.suzuki)).toHaveLength(1);
    expect((await reminders.tick()).routed).toBe(0);
  });

  it('shows security staff who are not responders the incident read-only', async () => {
    const { id } = await submit();
    const result = await service.onAction(action('incidentOpen', { incidentId: id }, ids.ceo));
    expect(result?.type).toBe('card');
    if (result?.type !== 'card') return;
    expect(adaptiveCardProblems(result.card)).toEqual([]);
    expect(JSON.stringify(result.card)).not.toContain('incidentStep');
    const refused = await service.onAction(action('incidentAcknowledge', { incidentId: id }, ids.ceo));
    expect(refused).toEqual({ type: 'text', text: 'この操作は、このインシデントの担当者だけができます。' });
  });

  it('answers null for verbs that are not its own', async () => {
    expect(await service.onAction(action('qaFeedback', {}, ids.sato))).toBeNull();
  });
});
