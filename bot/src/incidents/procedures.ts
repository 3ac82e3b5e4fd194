import type { PolicyLine, PolicyPack, PolicySection } from '../policy/pack';
import { IncidentPolicyError, type IncidentPolicyErrorReason } from './errors';
import { PROCEDURE_CATEGORIES, type IncidentLevel, type ProcedureCategory } from './schema';

/** Where the response procedures are: 組織的対策 9.4 対応手順. */
export const PROCEDURES_SECTION = '組織的対策 9.4';

export interface ProcedureStep {
  /** The number written before the step (`3` for `3 …` in a cell, `3. …` in a list); null if unnumbered. */
  number: string | null;
  text: string;
  /** `※` remarks that follow the step. */
  notes: string[];
  line: number;
}

export interface Procedure {
  steps: ProcedureStep[];
  /** Remarks of the procedure as a whole (`※…`, footnotes, what to do when the steps do not work). */
  notes: string[];
  line: number;
}

interface Block {
  category: ProcedureCategory;
  /** The caption above the procedure, e.g. `＜漏えい・流出発生時の対応＞`. */
  caption: string;
  line: number;
}

/** A table by 事故レベル (漏えい・流出, 改ざん…) or one procedure for any level (ウイルス感染). */
export type CategoryProcedure =
  | (Block & { kind: 'by-level'; levels: Map<IncidentLevel, Procedure> })
  | (Block & { kind: 'any-level'; intro: string[]; procedure: Procedure });

/** A phase of the general procedure (①発見報告 … ⑤最終報告), which the 9.5 report follows. */
export interface ResponsePhase {
  marker: string;
  name: string;
  text: string;
}

export interface IncidentProcedures {
  section: Pick<PolicySection, 'id' | 'part' | 'number' | 'title' | 'file'>;
  phases: ResponsePhase[];
  /** 事件・事故の状況 of each category, from the 区分 table (absent if the pack has none). */
  descriptions: Map<ProcedureCategory, string>;
  categories: Map<ProcedureCategory, CategoryProcedure>;
}

type Fail = (reason: IncidentPolicyErrorReason, line: number, detail: string) => IncidentPolicyError;

const CAPTION = /^[＜<](.+)[＞>]$/;
const PHASE = /^([①-⑨])\s*([^：:]+?)\s*[：:]\s*(.+)$/;
const NUMBERED = /^(\d{1,2})(?:[.．)）、]\s*|\s+)(.+)$/;
const NOTE = /^[※*＊]/;
const LEVEL_CELL = /^(?:事故)?(?:レベル)?\s*([0-3])$/;

/** Category names compared without separators: the 区分 cell breaks 改ざん…サービス停止 over two lines. */
const normalize = (s: string): string => s.replace(/[\s・、]/g, '');

function categoryOf(name: string): ProcedureCategory | undefined {
  const key = normalize(name);
  return PROCEDURE_CATEGORIES.find((c) => key.startsWith(normalize(c)));
}

/**
 * Reads the response procedures of 組織的対策 9.4 from the pack. Each category's procedure is found by
 * its caption (＜漏えい・流出発生時の対応＞, ＜改ざん・消失・破壊・サービス停止発生時の対応＞,
 * ＜ウイルス感染時の初期対応＞: a paragraph that starts with the category name), and runs to the next
 * caption. Under it, a table whose header has a 事故レベル and a 対応手順 column gives the steps by level
 * (columns found by header text, rows by the level written in them); without a table, the numbered list
 * is the procedure for every level. A missing section, caption or column throws an IncidentPolicyError.
 */
export function readIncidentProcedures(pack: PolicyPack): IncidentProcedures {
  const section = pack.byId.get(PROCEDURES_SECTION);
  if (!section) {
    throw new IncidentPolicyError(
      'missing-section',
      PROCEDURES_SECTION,
      'the policy pack has no such section',
    );
  }
  const fail: Fail = (reason, line, detail) =>
    new IncidentPolicyError(reason, section.id, detail, section.file, line);

  const captions = section.lines.flatMap((l, i) =>
    l.kind === 'paragraph' && CAPTION.test(l.text) ? [i] : [],
  );
  const categories = new Map<ProcedureCategory, CategoryProcedure>();
  captions.forEach((start, k) => {
    const head = section.lines[start]!;
    const category = categoryOf(CAPTION.exec(head.text)?.[1] ?? '');
    if (!category) return;
    const other = categories.get(category);
    if (other)
      throw fail(
        'duplicate-table',
        head.line,
        `${category} has two procedures (first at line ${other.line})`,
      );
    const block = { category, caption: head.text, line: head.line };
    const body = section.lines.slice(start + 1, captions[k + 1] ?? section.lines.length);
    const header = body.find((l) => l.kind === 'table-header');
    if (header)
      categories.set(category, { ...block, kind: 'by-level', levels: byLevel(section, header, fail) });
    else if (body.some((l) => l.kind === 'step'))
      categories.set(category, { ...block, kind: 'any-level', ...list(body) });
  });
  for (const category of PROCEDURE_CATEGORIES) {
    if (!categories.has(category))
      throw fail(
        'missing-table',
        section.line,
        `no procedure for ${category} (a ＜${category}…＞ caption with its table)`,
      );
  }
  return {
    section: (({ id, part, number, title, file }) => ({ id, part, number, title, file }))(section),
    phases: section.lines.flatMap((l) => {
      const m = l.kind === 'paragraph' ? PHASE.exec(l.text) : null;
      return m ? [{ marker: m[1]!, name: m[2]!, text: m[3]! }] : [];
    }),
    descriptions: descriptions(section),
    categories,
  };
}

function byLevel(section: PolicySection, header: PolicyLine, fail: Fail): Map<IncidentLevel, Procedure> {
  const table = section.tables[header.table ?? -1];
  const levelCol = table?.header.findIndex((h) => h.includes('レベル')) ?? -1;
  const stepsCol = table?.header.findIndex((h) => h.includes('手順')) ?? -1;
  if (!table || levelCol < 0 || stepsCol < 0)
    throw fail('malformed-table', header.line, `needs 事故レベル and 対応手順 columns, has: ${header.text}`);
  const rowLines = section.lines.filter((l) => l.kind === 'table-row' && l.table === header.table);
  const levels = new Map<IncidentLevel, Procedure>();
  table.rows.forEach((row, i) => {
    const line = rowLines[i]?.line ?? table.line;
    const m = LEVEL_CELL.exec((row[levelCol] ?? '').trim());
    if (!m) throw fail('malformed-table', line, `事故レベル "${row[levelCol] ?? ''}" is not 0–3`);
    const level = Number(m[1]) as IncidentLevel;
    if (levels.has(level)) throw fail('malformed-table', line, `事故レベル ${level} appears twice`);
    levels.set(level, cellProcedure(row[stepsCol] ?? '', line));
  });
  return levels;
}

/** `1 発見者は…\n2 …\n*個人データ：…`: numbered lines are steps, `※`/`*` lines remarks, others run on. */
function cellProcedure(cell: string, line: number): Procedure {
  const procedure: Procedure = { steps: [], notes: [], line };
  for (const raw of cell
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = NUMBERED.exec(raw);
    const last = procedure.steps[procedure.steps.length - 1];
    if (NOTE.test(raw)) procedure.notes.push(raw);
    else if (m) procedure.steps.push({ number: m[1]!, text: m[2]!.trim(), notes: [], line });
    else if (last) last.text += raw;
    else procedure.steps.push({ number: null, text: raw, notes: [], line });
  }
  return procedure;
}

/** A numbered list: text before it is the introduction, `※` paragraphs belong to the step above. */
function list(body: PolicyLine[]): { intro: string[]; procedure: Procedure } {
  const first = body.findIndex((l) => l.kind === 'step');
  const procedure: Procedure = { steps: [], notes: [], line: body[first]?.line ?? 0 };
  let after = false;
  for (const l of body.slice(first)) {
    const last = procedure.steps[procedure.steps.length - 1];
    if (l.kind === 'step' && !after) {
      procedure.steps.push({ number: l.marker ?? null, text: l.text, notes: [], line: l.line });
    } else if (!after && last && NOTE.test(l.text)) last.notes.push(l.text);
    else {
      after = true;
      procedure.notes.push(l.text);
    }
  }
  return { intro: body.slice(0, first).map((l) => l.text), procedure };
}

function descriptions(section: PolicySection): Map<ProcedureCategory, string> {
  const out = new Map<ProcedureCategory, string>();
  const table = section.tables.find((t) => t.header[0]?.includes('区分') && t.header.length >= 2);
  for (const [name = '', description = ''] of table?.rows ?? []) {
    const category = categoryOf(name);
    if (category && normalize(name) === normalize(category)) out.set(category, description);
  }
  return out;
}
