export type IncidentPolicyErrorReason =
  'missing-section' | 'missing-table' | 'malformed-table' | 'missing-level' | 'duplicate-table';

/**
 * The policy pack lacks what incident triage reads from it (the 9.4 procedures). Names the section, and
 * the file and line when one is to blame, so an editor of the pack knows what to fix.
 */
export class IncidentPolicyError extends Error {
  override readonly name = 'IncidentPolicyError';

  constructor(
    readonly reason: IncidentPolicyErrorReason,
    /** The section id, e.g. `組織的対策 9.4`. */
    readonly section: string,
    detail: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(`${file ? `${file}:${line ?? 0}: ` : ''}${section}: ${detail} [${reason}]`);
  }
}
