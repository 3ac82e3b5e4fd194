import { changeIncident, recordDelivery, refreshSentCards, type IncidentDeps } from './incident-changes';
import { mergeResponders } from './incident-plan';
import { readIncident, type Responder } from './incident-state';
import { notifyResponders } from './notify-responders';
import { incidentKind } from './records';
import {
  DEFAULT_REMINDER_POLICY,
  escalationTarget,
  reminderDelayMs,
  type ReminderPolicy,
} from './reminder-policy';
import { routeIncident } from './route-incident';

export interface TickReport {
  reminded: number;
  escalated: number;
  /** Reports that reached the store without being routed (queued during an outage, or a crash). */
  routed: number;
}

/** A report this old and still unrouted was not routed by its submit (queued, or the process died). */
const UNROUTED_AFTER_MS = 60_000;
const PAGE = 50;

/**
 * Reminds and escalates unacknowledged incidents. Due times live in the records (`nextReminderAt`), so a
 * restart loses none. First miss: a reminder to the responders asked to act. Each later miss: the next
 * role up (システム管理者 → インシデント対応責任者 → 代表取締役) is asked; at the top, a reminder again.
 */
export class IncidentReminders {
  private readonly policy: ReminderPolicy;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickReport> | null = null;

  constructor(private readonly deps: IncidentDeps & { policy?: Partial<ReminderPolicy> }) {
    this.policy = { ...DEFAULT_REMINDER_POLICY, ...deps.policy };
  }

  /** Handles everything due at `now`; one tick at a time. */
  tick(now: Date = this.deps.clock.now()): Promise<TickReport> {
    this.running ??= this.run(now).finally(() => (this.running = null));
    return this.running;
  }

  /** Ticks every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'incident reminders failed'),
      );
    }, intervalMs).unref();
  }

  /** Stops the timer and waits for a tick under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async run(now: Date): Promise<TickReport> {
    const report: TickReport = { reminded: 0, escalated: 0, routed: 0 };
    const done = new Set<string>();
    for (;;) {
      // Each handled incident moves its due time past `now`, so the first page is always what is left.
      const page = await this.deps.records.query(incidentKind, {
        where: { reminding: true },
        orderBy: { field: 'nextReminderAt' },
        limit: PAGE,
      });
      const due = page.records.filter(
        (r) => Date.parse(r.data.nextReminderAt) <= now.getTime() && !done.has(r.id),
      );
      if (due.length === 0) break;
      for (const r of due) {
        done.add(r.id);
        await this.remindOne(r.id, now, report).catch((error: unknown) =>
          this.deps.logger.error({ err: error, incidentId: r.id }, 'could not remind of an incident'),
        );
      }
    }
    const unrouted = await this.deps.records.query(incidentKind, {
      where: { routing: 'pending' },
      limit: PAGE,
    });
    for (const r of unrouted.records) {
      if (Date.parse(r.createdAt) > now.getTime() - UNROUTED_AFTER_MS) continue;
      await routeIncident(this.deps, readIncident(r));
      report.routed++;
    }
    return report;
  }

  private async remindOne(id: string, now: Date, report: TickReport): Promise<void> {
    let plan: { kind: 'reminded' | 'escalated'; role: string | null; people: Responder[] } | null = null;
    const claim = await changeIncident(this.deps, id, null, (incident) => {
      if (!incident.reminding || !incident.open || incident.acknowledgedAt) return { kind: 'unchanged' };
      if (Date.parse(incident.nextReminderAt) > now.getTime()) return { kind: 'unchanged' };
      const count = incident.reminderCount + 1;
      const up = count >= 2 ? escalationTarget(incident.responders, this.deps.ctx.profile) : null;
      let responders = incident.responders;
      if (up) {
        const role = up.role;
        responders = mergeResponders(
          responders,
          up.people.map((p) => ({ ...p, role, duty: 'asked' })),
        ).responders;
        const ids = new Set(up.people.map((p) => p.id));
        plan = { kind: 'escalated', role, people: responders.filter((r) => ids.has(r.id)) };
      } else {
        plan = { kind: 'reminded', role: null, people: responders.filter((r) => r.duty === 'asked') };
      }
      return {
        kind: 'change',
        patch: {
          reminderCount: count,
          nextReminderAt: new Date(
            now.getTime() + reminderDelayMs(incident.level, this.policy),
          ).toISOString(),
          reminding: count < this.policy.maxReminders,
          responders,
        },
        audit: {
          action: up ? 'incident.escalation' : 'incident.reminder',
          detail: { count, role: up?.role ?? null, to: plan.people.map((p) => p.id) },
        },
      };
    });
    const chosen = plan as {
      kind: 'reminded' | 'escalated';
      role: string | null;
      people: Responder[];
    } | null;
    if (claim.kind !== 'changed' || !chosen) return;
    report[chosen.kind === 'escalated' ? 'escalated' : 'reminded']++;
    const delivery = await notifyResponders(this.deps, claim.incident, chosen.people, chosen.kind, {
      role: chosen.role,
    });
    const recorded = await recordDelivery(this.deps, id, delivery);
    // An escalation adds responders: the cards sent earlier must let them in (refresh.userIds).
    if (chosen.kind === 'escalated' && recorded.kind !== 'notFound') {
      await refreshSentCards(this.deps, recorded.incident, {
        skip: new Set(delivery.sent.map((s) => s.activityId)),
      });
    }
  }
}
