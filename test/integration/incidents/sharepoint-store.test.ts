import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IncidentReminders } from '../../../bot/src/incidents/incident-reminders';
import { IncidentReports } from '../../../bot/src/incidents/incident-service';
import { incidentKind } from '../../../bot/src/incidents/records';
import { createLogger } from '../../../bot/src/logger';
import { auditEventKind } from '../../../bot/src/store/audit';
import { DurableWriter } from '../../../bot/src/store/outbox/durable-writer';
import { SqliteOutbox } from '../../../bot/src/store/outbox/sqlite-outbox';
import { ManualClock } from '../../support/manual-clock';
import { useSharePointSimulator } from '../../support/sharepoint-simulator';
import { FakeNotifier, ids, pack, profile, virusSubmission } from '../../support/incident-fakes';

const sp = useSharePointSimulator();

it('keeps incidents in a SharePoint list: create once, query by reporter, remind by due time', async () => {
  sp.reset();
  await sp.provision([incidentKind, auditEventKind]);
  const records = sp.store([incidentKind, auditEventKind]);
  const clock = new ManualClock(new Date('2025-06-02T01:00:00Z'));
  const logger = createLogger('silent');
  const outbox = SqliteOutbox.open(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-sp-')), 'o.db'));
  const writer = new DurableWriter({ store: records, outbox, kinds: [incidentKind], logger, clock });
  const notifier = new FakeNotifier();
  const deps = { ctx: { pack, profile }, records, writer, notifier, clock, logger };
  const service = new IncidentReports({ ...deps, isSecurityStaff: () => false });
  const submit = { submissionId: crypto.randomUUID(), ...virusSubmission };
  const press = () =>
    service.onAction({
      verb: 'incidentSubmit',
      data: submit,
      locale: 'ja',
      user: { aadObjectId: ids.reporter, name: '佐藤 美咲' },
    });
  await press();
  await press();

  const mine = await records.query(incidentKind, { where: { reporterId: ids.reporter }, limit: 10 });
  expect(mine.records).toHaveLength(1);
  expect(mine.records[0]!.data).toMatchObject({
    category: 'ウイルス感染',
    phase: '発見報告',
    routing: 'done',
  });
  expect(notifier.sentTo(ids.suzuki)).toHaveLength(1);

  clock.advance(4 * 60 * 60_000);
  expect(await new IncidentReminders(deps).tick()).toEqual({ reminded: 1, escalated: 0, routed: 0 });
  expect(notifier.sentTo(ids.suzuki)).toHaveLength(2);
  outbox.close();
});
