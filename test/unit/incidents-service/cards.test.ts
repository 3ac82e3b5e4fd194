import type { AdaptiveCardJson } from '../../../bot/src/cards/card';
import { incidentIntakeCard } from '../../../bot/src/cards/incident-intake-card';
import { myReportsCard, openIncidentsCard } from '../../../bot/src/cards/incident-list-card';
import { incidentQueuedCard } from '../../../bot/src/cards/incident-status-card';
import type { Locale } from '../../../bot/src/i18n/locale';
import { IncidentReports } from '../../../bot/src/incidents/incident-service';
import { readIncident } from '../../../bot/src/incidents/incident-state';
import { incidentCard, reporterActions } from '../../../bot/src/incidents/incident-views';
import { parseIntake } from '../../../bot/src/incidents/intake';
import { incidentKind } from '../../../bot/src/incidents/records';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { fakes, ids, virusSubmission, type Fakes } from '../../support/incident-fakes';

let f: Fakes;
beforeAll(() => (f = fakes()));
afterAll(() => f.close());

const worst = {
  ...virusSubmission,
  category: '漏えい・流出',
  whatHappened: '顧'.repeat(400),
  personalData: 'yes',
  personalDataCount: '150',
  specificPersonalInfo: 'true',
  impact: 'external',
  unauthorizedAccess: 'true',
  teleworking: 'true',
};

async function incidentFrom(data: object, locale: Locale = 'ja') {
  const service = new IncidentReports({ ...f.deps, isSecurityStaff: () => false });
  const submissionId = crypto.randomUUID();
  await service.onAction({
    verb: 'incidentSubmit',
    data: { submissionId, ...data },
    locale,
    user: { aadObjectId: ids.reporter, name: '佐藤 美咲' },
  });
  const page = await f.store.query(incidentKind, { where: { submissionId }, limit: 1 });
  return readIncident(page.records[0]!);
}

const bytes = (card: AdaptiveCardJson) => Buffer.byteLength(JSON.stringify(card));

describe('incident cards', () => {
  it.each(['ja', 'en'] as const)(
    'parse as Adaptive Card 1.5 in every view and phase (%s)',
    async (locale) => {
      for (const data of [
        virusSubmission,
        worst,
        { ...virusSubmission, category: 'その他', impact: 'none' },
      ]) {
        const incident = await incidentFrom(data, locale);
        const phases = ['発見報告', '初動', '調査・対応', '復旧', '最終報告'] as const;
        for (const phase of phases) {
          for (const viewer of ['responder', 'reporter', 'observer'] as const) {
            const card = incidentCard(f.deps.ctx, { ...incident, phase }, viewer, locale, {
              banner: 'b',
              notice: 'n',
            });
            expect([phase, viewer, adaptiveCardProblems(card)]).toEqual([phase, viewer, []]);
          }
        }
      }
    },
  );

  it('stays under the Teams card size with every 9.5 field full and every external report flagged', async () => {
    const incident = await incidentFrom(worst);
    const full = {
      ...incident,
      ...Object.fromEntries(
        [
          'ownerAndAssignees',
          'responseProgress',
          'suspectedCause',
          'causeBackground',
          'damagedSystems',
          'preventionMeasures',
        ].map((k) => [k, '策'.repeat(400)]),
      ),
    };
    expect(full.external.map((e) => e.body)).toEqual(['個人情報保護委員会', '警察', 'IPA']);
    expect(full.external[0]!.seriousIncident).toBe('yes');
    const card = incidentCard(f.deps.ctx, full, 'responder', 'ja');
    expect(adaptiveCardProblems(card)).toEqual([]);
    // Teams refuses a message over about 28 KB; the activity around the card needs some of it.
    expect(bytes(card)).toBeLessThan(24_000);
  });

  it('parse: the form with errors, the queued card and both lists, empty and full', async () => {
    const incident = await incidentFrom(virusSubmission);
    const bad = parseIntake({ ...virusSubmission, reporterPhone: '', impact: 'x' }, f.clock.now());
    const item = { ...incident, createdAt: incident.createdAt };
    const cards = [
      incidentIntakeCard({
        locale: 'en',
        submissionId: crypto.randomUUID(),
        draft: bad.draft,
        errors: bad.ok ? {} : bad.errors,
        showOpenList: true,
      }),
      incidentQueuedCard({
        locale: 'ja',
        level: 1,
        rule: '組織的対策 9.2',
        whatToDoNow: reporterActions(f.deps.ctx, incident.inputs, incident.category),
      }),
      myReportsCard('ja', []),
      myReportsCard('en', [item]),
      openIncidentsCard('ja', []),
      openIncidentsCard('ja', [item, { ...item, level: 3 }]),
    ];
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
