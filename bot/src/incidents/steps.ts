import { organizational } from './citations';
import { IncidentPolicyError } from './errors';
import type { PolicyPack } from '../policy/pack';
import {
  PROCEDURES_SECTION,
  readIncidentProcedures,
  type IncidentProcedures,
  type ProcedureStep,
} from './procedures';
import type { Citation, IncidentCategory, IncidentLevel } from './schema';

export { PROCEDURES_SECTION, readIncidentProcedures } from './procedures';
export type { CategoryProcedure, IncidentProcedures, Procedure, ProcedureStep } from './procedures';

/** The responders' checklist for one report: the steps of the matching 9.4 procedure. */
export interface StepList {
  category: IncidentCategory;
  level: IncidentLevel;
  /** Where the steps come from, for the card: the caption, and the level when the table is by level. */
  source: { caption: string; level: IncidentLevel | null } | null;
  steps: ProcedureStep[];
  /** Remarks of the procedure (footnotes, when to ask the システム管理者). */
  notes: string[];
  citations: Citation[];
}

/**
 * その他: the report does not fit a 区分 of 9.4 yet, so there is no table to follow. The steps are the
 * triage the regulations prescribe before any table applies: report along the 9.3 連絡網 (to the
 * システム管理者, or at level 3 at once to the インシデント対応責任者 and the 代表取締役 as 9.4 ①発見報告
 * says), decide with the インシデント対応責任者 whether it is an incident and at which level (9.2), then
 * follow the procedure of the 区分 it turns out to be (9.4).
 */
function otherSteps(level: IncidentLevel): Pick<StepList, 'steps' | 'citations'> {
  const report =
    level === 3
      ? { text: '発見者は即座にインシデント対応責任者及び代表取締役に報告する。', cite: '9.4' }
      : { text: '発見者は発見次第、システム管理者に報告する。', cite: level === 0 ? '9.2' : '9.3' };
  const texts = [
    report.text,
    'インシデント対応責任者と協議の上、検知された事象がインシデントに該当するか、どの区分・事故レベルに該当するかを判断する。',
    '区分と事故レベルが決まったら、その区分の対応手順に従う。',
  ];
  return {
    steps: texts.map((text, i) => ({ number: String(i + 1), text, notes: [], line: 0 })),
    citations: [organizational(report.cite), organizational('9.2'), organizational('9.4')],
  };
}

/**
 * The steps of the 9.4 procedure for a category and level, read from the pack. A by-level table without
 * a row for the level, or whose row has no steps (the 漏えい・流出 table's level 1 row is only the note
 * that every leak is level 2 or above), throws: assessLevel never asks for one, so a pack that makes
 * this happen has lost a row.
 */
export function stepsFor(
  procedures: IncidentProcedures,
  category: IncidentCategory,
  level: IncidentLevel,
): StepList {
  if (category === 'その他') return { category, level, source: null, notes: [], ...otherSteps(level) };
  const found = procedures.categories.get(category);
  const citations = [{ part: procedures.section.part, section: procedures.section.number }];
  if (!found) {
    throw new IncidentPolicyError('missing-table', PROCEDURES_SECTION, `no procedure for ${category}`);
  }
  if (found.kind === 'any-level') {
    const { steps, notes } = found.procedure;
    return { category, level, source: { caption: found.caption, level: null }, steps, notes, citations };
  }
  const row = found.levels.get(level);
  if (!row || row.steps.length === 0) {
    const why = row ? `has only ${row.notes.join(' ')}` : 'is missing';
    throw new IncidentPolicyError(
      'missing-level',
      procedures.section.id,
      `the row for 事故レベル ${level} of ${found.caption} ${why}`,
      procedures.section.file,
      row?.line ?? found.line,
    );
  }
  return {
    category,
    level,
    source: { caption: found.caption, level },
    steps: row.steps,
    notes: row.notes,
    citations,
  };
}

const cache = new WeakMap<PolicyPack, IncidentProcedures>();

/** readIncidentProcedures, once per loaded pack (a pack is not changed after loading). */
export function proceduresOf(pack: PolicyPack): IncidentProcedures {
  let procedures = cache.get(pack);
  if (!procedures) {
    procedures = readIncidentProcedures(pack);
    cache.set(pack, procedures);
  }
  return procedures;
}
