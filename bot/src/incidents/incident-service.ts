import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normalizeText } from '../assistant/intent-router';
import type { CapabilityRequest } from '../assistant/respond';
import type { ActionResult, CardAction, Reply } from '../assistant/turn';
import { incidentIntakeCard } from '../cards/incident-intake-card';
import { incidentVerbs, type IncidentVerb } from '../cards/incident-verbs';
import { StoreUnavailableError } from '../store/errors';
import { changeIncident, type Decision, type IncidentDeps } from './incident-changes';
import { myReports, openIncidentList, openListAudience } from './incident-lists';
import { readIncident, isResponder, type Incident } from './incident-state';
import { incidentCard, viewerOf } from './incident-views';
import { draftFromText } from './intake';
import { msg } from './messages';
import { incidentKind } from './records';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminder-policy';
import { decideResponderAction, followUp } from './responder-actions';
import { submitIncident } from './submit-incident';

export interface IncidentReportsDeps extends IncidentDeps {
  isSecurityStaff: (aadObjectId: string) => boolean;
  reminders?: Partial<ReminderPolicy>;
}

const MINE = /^(自分の報告|私の報告|報告一覧|自分のインシデント|my reports?|my incidents?)$/;
const OPEN = /^(対応中のインシデント|インシデント一覧|open incidents?)$/;
const withId = z.object({ incidentId: z.string().min(1).max(100) });
const verbs = new Set<string>(Object.values(incidentVerbs));

/** Incident reports in Teams (組織的対策 9): the report form, triage and routing, the responders' cards. */
export class IncidentReports {
  private readonly policy: ReminderPolicy;
  private readonly canSeeOpenList: (userId: string) => boolean;

  constructor(private readonly deps: IncidentReportsDeps) {
    this.policy = { ...DEFAULT_REMINDER_POLICY, ...deps.reminders };
    this.canSeeOpenList = openListAudience(deps.ctx.profile, deps.isSecurityStaff);
  }

  /** The 'incident' capability: the form (preselected from the user's words), or one of the lists. */
  async report(request: CapabilityRequest): Promise<Reply[]> {
    const { locale } = request;
    const userId = request.user.aadObjectId?.toLowerCase();
    const words = normalizeText(request.text);
    if (userId && MINE.test(words)) return [await myReports(this.deps.records, locale, userId)];
    if (userId && OPEN.test(words)) {
      return [await openIncidentList(this.deps.records, locale, this.canSeeOpenList(userId))];
    }
    const now = new Date(this.deps.clock.now().getTime() + 9 * 3600_000).toISOString();
    const card = incidentIntakeCard({
      locale,
      submissionId: randomUUID(),
      // Most reports are made on discovery: the discovery time starts at now (company time, JST).
      draft: {
        discoveredDate: now.slice(0, 10),
        discoveredTime: now.slice(11, 16),
        ...draftFromText(request.text),
      },
      errors: {},
      showOpenList: userId !== undefined && this.canSeeOpenList(userId),
    });
    return [{ type: 'card', card, summary: msg(locale, 'intakeTitle') }];
  }

  /** Handles the incident cards' buttons; null for any other verb. */
  async onAction(action: CardAction): Promise<ActionResult | null> {
    if (!verbs.has(action.verb)) return null;
    const verb = action.verb as IncidentVerb;
    const { locale } = action;
    const userId = action.user.aadObjectId?.toLowerCase();
    try {
      switch (verb) {
        case incidentVerbs.submit:
          return await submitIncident(
            { ...this.deps, policy: this.policy, canSeeOpenList: this.canSeeOpenList },
            action,
          );
        case incidentVerbs.myReports:
          if (!userId) return { type: 'text', text: msg(locale, 'needTeamsUser') };
          return asResult(await myReports(this.deps.records, locale, userId));
        case incidentVerbs.openList:
          return asResult(
            await openIncidentList(
              this.deps.records,
              locale,
              userId !== undefined && this.canSeeOpenList(userId),
            ),
          );
        case incidentVerbs.refresh:
        case incidentVerbs.open:
          return await this.show(action, userId);
        default:
          return await this.act(action, verb, userId);
      }
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return { type: 'text', text: msg(locale, 'tryLater') };
    }
  }

  /** The incident as this person may see it: refreshed cards and cards opened from a list. */
  private async show(action: CardAction, userId: string | undefined): Promise<ActionResult> {
    const { locale } = action;
    const parsed = withId.safeParse(action.data);
    if (!parsed.success) return { type: 'text', text: msg(locale, 'errInvalid') };
    const stored = await this.deps.records.get(incidentKind, parsed.data.incidentId);
    if (!stored) return { type: 'text', text: msg(locale, 'notFound') };
    const incident = readIncident(stored);
    const viewer = viewerOf(incident, userId, userId !== undefined && this.deps.isSecurityStaff(userId));
    if (!viewer) return { type: 'text', text: msg(locale, 'noAccess') };
    return { type: 'card', card: incidentCard(this.deps.ctx, incident, viewer, locale) };
  }

  /** A responder's button: only responders act; the decision is made on the stored incident. */
  private async act(
    action: CardAction,
    verb: IncidentVerb,
    userId: string | undefined,
  ): Promise<ActionResult> {
    const { locale } = action;
    if (!userId) return { type: 'text', text: msg(locale, 'needTeamsUser') };
    const actor = { id: userId, name: action.user.name ?? userId, now: this.deps.clock.now() };
    const decide = decideResponderAction(verb, action.data, actor, this.deps.ctx, this.policy);
    if (!decide) return { type: 'text', text: msg(locale, 'errInvalid') };
    const outcome = await changeIncident(this.deps, decide.incidentId, userId, (incident): Decision =>
      isResponder(incident, userId) ? decide.decide(incident) : { kind: 'refused', message: 'notResponder' },
    );
    switch (outcome.kind) {
      case 'notFound':
        return { type: 'text', text: msg(locale, 'notFound') };
      case 'refused':
        if (outcome.message === 'notResponder') {
          this.deps.logger.info(
            { incidentId: decide.incidentId, verb },
            'refused a responder action from a non-responder',
          );
          return { type: 'text', text: msg(locale, 'notResponder') };
        }
        return this.cardFor(outcome.incident, userId, locale, msg(locale, outcome.message));
      case 'unchanged':
        return this.cardFor(
          outcome.incident,
          userId,
          locale,
          outcome.notice ? msg(locale, outcome.notice) : null,
        );
      case 'changed': {
        const latest = await followUp(this.deps, verb, outcome.incident);
        return this.cardFor(latest, userId, locale, null);
      }
    }
  }

  private cardFor(
    incident: Incident,
    userId: string,
    locale: CardAction['locale'],
    notice: string | null,
  ): ActionResult {
    const viewer = viewerOf(incident, userId, false) ?? 'observer';
    return { type: 'card', card: incidentCard(this.deps.ctx, incident, viewer, locale, { notice }) };
  }
}

function asResult(reply: Reply): ActionResult {
  return reply.type === 'text' ? { type: 'text', text: reply.text } : { type: 'card', card: reply.card };
}
