import { escalationCard } from '../cards/policy-answer-card';
import type { Locale } from '../i18n/locale';
import type { Logger } from '../logger';
import type { Notifier } from '../notify/notifier';
import { RecordConflictError } from '../store/errors';
import type { DurableWriter } from '../store/outbox/durable-writer';
import type { RecordPatch } from '../store/record-kind';
import type { RecordStore, StoredRecord } from '../store/record-store';
import type { CompanyProfile } from './company-profile';
import { qaAnswerKind, qaEscalationKind, type QaAnswer } from './records';

/** Who answers questions the policy does not: the システム管理者 (人的対策 6.6), first in the 9.3 contact list. */
export function systemAdministrator(profile: CompanyProfile) {
  const contact = profile.contacts.incident.find((c) => c.role === 'システム管理者');
  // The profile schema requires a システム管理者 contact; this guards profiles built in code.
  if (!contact) throw new Error('the company profile names no システム管理者 contact');
  return contact;
}

/** Applies `patch` if the record is unchanged since read; otherwise returns the current record, not applied. */
export async function updateOrReread(
  records: RecordStore,
  stored: StoredRecord<QaAnswer>,
  patch: RecordPatch<typeof qaAnswerKind>,
): Promise<{ updated: boolean; record: StoredRecord<QaAnswer> }> {
  try {
    return {
      updated: true,
      record: await records.update(qaAnswerKind, stored.id, patch, { etag: stored.etag }),
    };
  } catch (error) {
    if (!(error instanceof RecordConflictError)) throw error;
    const current = await records.get(qaAnswerKind, stored.id);
    return { updated: false, record: current ?? stored };
  }
}

/**
 * Passes an answer's question to the システム管理者 once: the answer is marked first (the ETag decides
 * between two presses), then the card is sent; if Teams cannot reach them the asker is given their
 * phone and mail instead, and the escalation is recorded as not notified.
 */
export async function escalateQuestion(deps: {
  records: RecordStore;
  writer: DurableWriter;
  notifier: Notifier;
  profile: CompanyProfile;
  logger: Logger;
  stored: StoredRecord<QaAnswer>;
  locale: Locale;
}): Promise<QaAnswer> {
  const { stored, records, writer } = deps;
  if (stored.data.escalation === 'sent' || stored.data.escalation === 'queued') return stored.data;
  const claim = await updateOrReread(records, stored, { escalation: 'queued' });
  if (!claim.updated) return claim.record.data;

  const admin = systemAdministrator(deps.profile).person;
  const sent = await deps.notifier.sendCard(
    { aadObjectId: admin.objectId },
    escalationCard({
      locale: 'ja',
      askerName: stored.data.askerName ?? stored.data.askerId,
      question: stored.data.question,
      citation: stored.data.citation,
    }),
    stored.data.question.slice(0, 100),
  );
  const escalation = await writer.create(qaEscalationKind, {
    question: stored.data.question,
    askerId: stored.data.askerId,
    askerName: stored.data.askerName ?? stored.data.askerId,
    locale: deps.locale,
    assignedTo: admin.objectId,
    status: 'open',
    notified: sent.ok,
  });
  await writer.appendAudit({
    at: new Date().toISOString(),
    actorId: stored.data.askerId,
    action: 'qa.escalated',
    subjectKind: 'qaAnswer',
    subjectId: stored.id,
    detail: {
      assignedTo: admin.objectId,
      notified: sent.ok,
      reason: sent.ok ? null : sent.reason,
      escalation: escalation.status === 'stored' ? escalation.record.id : escalation.writeId,
    },
  });
  if (!sent.ok)
    deps.logger.warn({ reason: sent.reason }, 'could not reach the システム管理者 with a question');
  const done = await records.update(
    qaAnswerKind,
    claim.record.id,
    { escalation: sent.ok ? 'sent' : 'failed' },
    { etag: claim.record.etag },
  );
  return done.data;
}
