import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AdaptiveCardJson } from '../../bot/src/cards/card';
import type { IncidentDeps } from '../../bot/src/incidents/incident-changes';
import { createLogger } from '../../bot/src/logger';
import type { Notifier, SendFailureReason, SendResult, SentMessage } from '../../bot/src/notify/notifier';
import { loadCompanyProfile } from '../../bot/src/policy/company-profile';
import { loadPolicyPack } from '../../bot/src/policy/pack';
import { mutableRecordKinds } from '../../bot/src/store/all-kinds';
import { DurableWriter } from '../../bot/src/store/outbox/durable-writer';
import { SqliteOutbox } from '../../bot/src/store/outbox/sqlite-outbox';
import { FlakyRecordStore } from './flaky-record-store';
import { ManualClock } from './manual-clock';

const ROOT = path.resolve(__dirname, '../..');
const pack = loadPolicyPack(path.join(ROOT, 'bot/policy-pack'));
const profile = loadCompanyProfile(path.join(ROOT, 'bot/policy-pack/company-profile.example.yaml'));

/** A Notifier in memory: every card sent or updated, and people it cannot reach. */
export class FakeNotifier implements Notifier {
  readonly sent: { to: string; card: AdaptiveCardJson; message: SentMessage }[] = [];
  readonly updated: { message: SentMessage; card: AdaptiveCardJson }[] = [];
  readonly unreachable = new Map<string, SendFailureReason>();
  private next = 1;

  sendCard(to: { aadObjectId: string }, card: AdaptiveCardJson): Promise<SendResult> {
    const reason = this.unreachable.get(to.aadObjectId);
    if (reason) return Promise.resolve({ ok: false, reason, status: 403 });
    const message = { conversationId: `chat-${to.aadObjectId}`, activityId: `activity-${this.next++}` };
    this.sent.push({ to: to.aadObjectId, card, message });
    return Promise.resolve({ ok: true, message });
  }

  updateCard(message: SentMessage, card: AdaptiveCardJson): Promise<SendResult> {
    this.updated.push({ message, card });
    return Promise.resolve({ ok: true, message });
  }

  sentTo(id: string) {
    return this.sent.filter((s) => s.to === id);
  }
}

export interface Fakes {
  deps: IncidentDeps;
  store: FlakyRecordStore;
  notifier: FakeNotifier;
  clock: ManualClock;
  writer: DurableWriter;
  close(): void;
}

/** The shipped pack and example profile over an in-memory store, a fake notifier and a hand clock. */
export function fakes(): Fakes {
  const clock = new ManualClock(new Date('2025-06-02T01:00:00Z'));
  const store = new FlakyRecordStore({ clock });
  const notifier = new FakeNotifier();
  const logger = createLogger('silent');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-incident-unit-'));
  const outbox = SqliteOutbox.open(path.join(dir, 'outbox.db'));
  const writer = new DurableWriter({ store, outbox, kinds: mutableRecordKinds, logger, clock });
  return {
    deps: { ctx: { pack, profile }, records: store, writer, notifier, clock, logger },
    store,
    notifier,
    clock,
    writer,
    close: () => outbox.close(),
  };
}

export const ids = {
  reporter: '63446443-f72b-45bf-8a7f-f45da4a0d5b9',
  sato: 'cb92ca29-d1d2-4ccb-98ad-b99e26ae8aba',
  suzuki: '4558b764-508a-4a47-99ec-b3e964f3890b',
  ceo: 'd465b1c6-a82d-4ad6-ae12-00082f57362e',
};

/** A valid intake card submission (a level-1 virus infection). */
export const virusSubmission = {
  category: 'ウイルス感染',
  whatHappened: '警告が出た',
  discoveredDate: '2025-06-02',
  discoveredTime: '09:30',
  systems: '業務用PC',
  personalData: 'no',
  specificPersonalInfo: 'false',
  impact: 'employees',
  unauthorizedAccess: 'false',
  teleworking: 'false',
  reporterPhone: '090-1111-2222',
};

export { profile, pack };
