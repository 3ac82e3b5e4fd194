export type PolicyPackErrorReason =
  | 'empty-pack'
  | 'missing-front-matter'
  | 'invalid-front-matter'
  | 'content-outside-part'
  | 'heading-outside-part'
  | 'duplicate-part'
  | 'part-mismatch'
  | 'malformed-heading'
  | 'duplicate-number'
  | 'missing-parent'
  | 'malformed-table'
  | 'unclosed-block';

/** A pack that cannot be loaded, pointing at the file and line an editor has to fix. */
export class PolicyPackError extends Error {
  override readonly name = 'PolicyPackError';
  readonly reason: PolicyPackErrorReason;
  readonly file: string;
  /** 1-based; 0 when the problem is not on one line (e.g. an empty pack directory). */
  readonly line: number;

  constructor(reason: PolicyPackErrorReason, file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail} [${reason}]`);
    this.reason = reason;
    this.file = file;
    this.line = line;
  }
}
