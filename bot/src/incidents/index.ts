export { mergeCitations } from './citations';
export { IncidentPolicyError } from './errors';
export type { IncidentPolicyErrorReason } from './errors';
export { SERIOUS_INCIDENT_THRESHOLD, externalBodies, externalFlags } from './external';
export type {
  ExternalContact,
  ExternalContactKey,
  ExternalFlag,
  ExternalReason,
  ExternalUrgency,
} from './external';
export { LEAK_FLOOR, LEVEL_CRITERIA, assessLevel, personalDataInvolved } from './level';
export type { LevelAssessment, LevelBasis, LevelRule } from './level';
export { PROCEDURES_SECTION, readIncidentProcedures } from './procedures';
export type {
  CategoryProcedure,
  IncidentProcedures,
  Procedure,
  ProcedureStep,
  ResponsePhase,
} from './procedures';
export { resolveRoleHolders, route } from './routing';
export type { Duty, EmergencyContact, Recipient, RoleHolders, Routing } from './routing';
export * from './schema';
export { proceduresOf, stepsFor } from './steps';
export type { StepList } from './steps';
export { assessIncident, toTriageOutput, triage } from './triage';
export type { IncidentAssessment, IncidentContext } from './triage';
export { DISCONNECT, whatToDoNow } from './what-to-do-now';
export type { ImmediateAction, WhatToDoNow } from './what-to-do-now';
