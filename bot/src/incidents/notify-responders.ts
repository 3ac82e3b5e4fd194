import type { IncidentDeps } from './incident-changes';
import type { Incident, Responder, SentCard, Unreachable } from './incident-state';
import { incidentCard } from './incident-views';
import { roleLabel } from './labels';
import { msg } from './messages';

/** Why a responder is sent a card now: the first routing, a reminder, an escalation, a change of level. */
export type NotifyPurpose = 'routed' | 'reminded' | 'escalated';

/** Responders' cards are proactive and in Japanese, the company's working language. */
const LOCALE = 'ja';

function banner(purpose: NotifyPurpose, incident: Incident, person: Responder, role: string | null) {
  switch (purpose) {
    case 'routed':
      return person.duty === 'informed' ? msg(LOCALE, 'informedBanner') : null;
    case 'reminded':
      return msg(LOCALE, 'reminderBanner', { count: incident.reminderCount });
    case 'escalated':
      return msg(LOCALE, 'escalationBanner', { role: roleLabel(LOCALE, role ?? person.roles[0] ?? '') });
  }
}

/**
 * Sends each person the responders' card. Someone Teams cannot reach is returned with the phone and mail
 * of the profile's 9.3 連絡網 (so the reporter can call them), and the failure is audited.
 */
export async function notifyResponders(
  deps: IncidentDeps,
  incident: Incident,
  people: readonly Responder[],
  purpose: NotifyPurpose,
  options: { role?: string | null } = {},
): Promise<{ sent: SentCard[]; unreachable: Unreachable[] }> {
  const sent: SentCard[] = [];
  const unreachable: Unreachable[] = [];
  const summary = msg(LOCALE, 'notificationSummary', {
    reference: incident.reference,
    level: incident.level,
  });
  for (const person of people) {
    const card = incidentCard(deps.ctx, incident, 'responder', LOCALE, {
      banner: banner(purpose, incident, person, options.role ?? null),
    });
    const result = await deps.notifier.sendCard({ aadObjectId: person.id }, card, summary);
    const role = options.role ?? person.roles[0] ?? '';
    if (result.ok) {
      sent.push({ userId: person.id, ...result.message });
    } else {
      const contact =
        deps.ctx.profile.contacts.incident.find(
          (c) => c.person.objectId.toLowerCase() === person.id && c.role === role,
        ) ?? deps.ctx.profile.contacts.incident.find((c) => c.person.objectId.toLowerCase() === person.id);
      unreachable.push({
        id: person.id,
        name: person.name,
        role,
        phone: contact?.mobilePhone ?? null,
        email: contact?.email ?? null,
        reason: result.reason,
      });
      deps.logger.warn({ incidentId: incident.id, reason: result.reason }, 'could not reach a responder');
    }
    await deps.writer.appendAudit({
      at: deps.clock.now().toISOString(),
      actorId: null,
      action: result.ok ? `incident.${purpose}` : 'incident.notifyFailed',
      subjectKind: 'incident',
      subjectId: incident.id,
      detail: {
        to: person.id,
        role,
        purpose,
        reason: result.ok ? null : result.reason,
        status: result.ok ? null : result.status,
      },
    });
  }
  return { sent, unreachable };
}
