import { changeIncident, recordDelivery, type IncidentDeps } from './incident-changes';
import type { Incident } from './incident-state';
import { notifyResponders } from './notify-responders';

/**
 * Tells the responders of a new incident (9.1–9.4) once: the record is claimed first (pending → sending,
 * by ETag), so a double submit, or the reminder sweep picking up a report that was queued while the store
 * was down, sends the cards once. Returns the incident as recorded afterwards.
 */
export async function routeIncident(deps: IncidentDeps, incident: Incident): Promise<Incident> {
  if (incident.routing !== 'pending') return incident;
  const claim = await changeIncident(deps, incident.id, incident.reporterId, (current) =>
    current.routing === 'pending'
      ? {
          kind: 'change',
          patch: { routing: 'sending' },
          audit: {
            action: 'incident.reported',
            detail: {
              reference: current.reference,
              category: current.category,
              level: current.level,
              rule: `${current.levelReason.part} ${current.levelReason.section}`,
              provisional: current.levelReason.provisional,
              responders: current.responders.map((r) => r.id),
            },
          },
        }
      : { kind: 'unchanged' },
  );
  if (claim.kind !== 'changed') return claim.kind === 'notFound' ? incident : claim.incident;
  const delivery = await notifyResponders(deps, claim.incident, claim.incident.responders, 'routed');
  const done = await recordDelivery(deps, incident.id, delivery, { routing: 'done' });
  return done.kind === 'notFound' ? claim.incident : done.incident;
}
