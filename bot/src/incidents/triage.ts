import type { CompanyProfile } from '../policy/company-profile';
import type { PolicyPack } from '../policy/pack';
import { mergeCitations } from './citations';
import { externalBodies, externalFlags, type ExternalFlag } from './external';
import { assessLevel, type LevelAssessment } from './level';
import { resolveRoleHolders, route, type RoleHolders, type Routing } from './routing';
import type { Citation, TriageInput, TriageOutput } from './schema';
import { proceduresOf, stepsFor, type StepList } from './steps';

export interface IncidentContext {
  pack: PolicyPack;
  profile: CompanyProfile;
  /**
   * The Teams user id (MRI, `29:…`) of a person, which `refresh.userIds` needs; the Entra object id
   * when no conversation with them has told us theirs yet. Absent: object ids are used as they are.
   */
  teamsUserId?: (aadObjectId: string) => string;
}

/** Everything the rules decide about one report, each part with the sections that rule it. */
export interface IncidentAssessment {
  id: TriageInput['id'];
  level: LevelAssessment;
  routing: Routing;
  holders: RoleHolders[];
  steps: StepList;
  external: ExternalFlag[];
  /** Every section cited above, once each, in the order of the regulations. */
  citations: Citation[];
}

/** Level (9.2, 9.4 note), routing (9.1–9.4), checklist (9.4) and external reports (9.4, 9.6) of a report. */
export function assessIncident(report: TriageInput, ctx: IncidentContext): IncidentAssessment {
  const level = assessLevel(report);
  const routing = route(level.level);
  const steps = stepsFor(proceduresOf(ctx.pack), report.category, level.level);
  const external = externalFlags(report, ctx.profile);
  return {
    id: report.id,
    level,
    routing,
    holders: resolveRoleHolders(routing.roles, ctx.profile),
    steps,
    external,
    citations: mergeCitations(
      // The level scale is 9.2's even when the 9.4 floor decided it.
      [{ part: level.rule.part, section: '9.2' }, level.rule],
      routing.citations,
      steps.citations,
      external.map((f) => f.citation),
    ),
  };
}

/** The triage CLI's line for an assessment: the contract by which routing is checked. */
export function toTriageOutput(a: IncidentAssessment): TriageOutput {
  return {
    id: a.id,
    level: a.level.level,
    notify: a.routing.roles,
    external: externalBodies(a.external),
    steps: a.steps.steps.map((s) => s.text),
    citations: a.citations,
  };
}

/** The triage of one report, as `npm run triage` prints it; the bot runs the same code (assessIncident). */
export function triage(report: TriageInput, ctx: IncidentContext): TriageOutput {
  return toTriageOutput(assessIncident(report, ctx));
}
