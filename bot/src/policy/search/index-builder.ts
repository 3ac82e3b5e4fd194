import type { PolicyLine, PolicyPack, PolicySection } from '../pack';
import { tokenize, type Term } from './tokenize';

/**
 * The section index: one document per numbered section that has a body, with six fields —
 * its title, its own lines, the titles of its ancestors (context: 在宅 finds テレワーク sections),
 * its keywords, the example questions it answers and the same in particular trades' words (keywords.yaml:
 * 裏紙, "wipe", 裏紙使っていい？, 答案の裏をメモ用紙にしていい？) —
 * plus every line as a unit for line-level evidence (a long table row as its cell lines: lineUnits),
 * and every example question as such a unit too: a question put like one of them finds the section.
 */
export type FieldName = 'title' | 'body' | 'context' | 'keywords' | 'asked' | 'trade';
export const FIELDS: readonly FieldName[] = ['title', 'body', 'context', 'keywords', 'asked', 'trade'];

/**
 * A value per field, `value(field)` (0 by default). Built from one literal, so that every such record
 * has the same shape: term frequencies and lengths are read in scoring's innermost loop.
 */
function perField(value?: (field: FieldName) => number): Record<FieldName, number> {
  const row = { title: 0, body: 0, context: 0, keywords: 0, asked: 0, trade: 0 };
  if (value) for (const f of FIELDS) row[f] = value(f);
  return row;
}

export interface Posting {
  doc: number;
  tf: Record<FieldName, number>;
}

export interface IndexedDoc {
  section: PolicySection;
  length: Record<FieldName, number>;
  titleTerms: Set<Term>;
  /** Indices into `lines` of the section's scoring units (lines, or cell lines of long rows). */
  lines: number[];
}

export interface IndexedLine {
  doc: number;
  line: PolicyLine;
  terms: Set<Term>;
  /** An example question of keywords.yaml, not a line of the policy. */
  asked?: true;
}

export interface PolicyIndex {
  docs: IndexedDoc[];
  lines: IndexedLine[];
  postings: Map<Term, Posting[]>;
  linePostings: Map<Term, number[]>;
  /** The terms of each indexed line, by line object. */
  termsByLine: Map<PolicyLine, Set<Term>>;
  avgLength: Record<FieldName, number>;
  idf: (term: Term) => number;
  /** The idf of a term found nowhere: what an unknown word weighs. */
  idfMax: number;
}

/** Rows longer than this are scored cell line by cell line (see lineUnits). */
const LONG_ROW = 200;

/**
 * The texts a line is scored as. A long table row is a small section of its own (人的対策 6.3 lists all
 * the rules for a wireless router in one row): it is cut into the lines of its content cells (those
 * with line breaks, else the longest), each with the row's other cells as labels and its column header.
 * A row whose first cell is empty continues the row above and takes its label.
 */
function lineUnits(line: PolicyLine, header: string[], above: string): string[] {
  const cells = line.cells;
  if (line.kind !== 'table-row' || !cells || line.text.length <= LONG_ROW) return [line.text];
  const longest = cells.reduce((a, c) => (c.length > a.length ? c : a), '');
  const content = cells.map((c) => c.includes('\n') || c === longest);
  const labels = cells.filter((c, j) => !content[j] && c.trim());
  if (!cells[0]?.trim()) labels.unshift(above);
  return cells.flatMap((cell, j) =>
    content[j]
      ? cell
          .split('\n')
          .map((piece) => piece.trim())
          .filter(Boolean)
          .map((piece) => [...labels, header[j] ?? '', piece].join(' '))
      : [],
  );
}

function ancestorTitles(pack: PolicyPack, section: PolicySection): string[] {
  const out: string[] = [];
  for (let id = section.parentId; id; id = pack.byId.get(id)?.parentId ?? null) {
    const parent = pack.byId.get(id);
    if (parent) out.push(parent.title);
  }
  return out;
}

/** The line an example question's unit stands on: it is never shown (excerpts come from section.lines). */
const ASKED_LINE: PolicyLine = { kind: 'paragraph', text: '', line: 0 };

/** Index terms added to a section: its keywords and the questions it answers (keywords.yaml). */
export interface Expansion {
  keywords: Term[];
  /** The terms of each example question. */
  asked: Term[][];
  /** The terms of each example question in a trade's words. */
  trade?: Term[][];
}

/** `expansions`: the index terms of each section's keywords and example questions, by section id. */
export function buildIndex(
  pack: PolicyPack,
  expansions: ReadonlyMap<string, Expansion> = new Map(),
): PolicyIndex {
  const docs: IndexedDoc[] = [];
  const lines: IndexedLine[] = [];
  const postings = new Map<Term, Posting[]>();
  const linePostings = new Map<Term, number[]>();
  const termsByLine = new Map<PolicyLine, Set<Term>>();
  const totals = perField();
  /** Adds a scoring unit (a line, a cell line, an example question) of a section; returns its index. */
  const addUnit = (unit: IndexedLine): number => {
    const id = lines.length;
    lines.push(unit);
    for (const t of unit.terms) {
      const list = linePostings.get(t);
      if (list) list.push(id);
      else linePostings.set(t, [id]);
    }
    return id;
  };

  for (const section of pack.sections) {
    if (section.lines.length === 0) continue;
    const doc = docs.length;
    const expansion = expansions.get(section.id);
    const fieldTerms: Record<FieldName, Term[]> = {
      title: tokenize(section.title),
      body: [],
      context: ancestorTitles(pack, section).flatMap((t) => tokenize(t)),
      keywords: expansion?.keywords ?? [],
      asked: (expansion?.asked ?? []).flat(),
      trade: (expansion?.trade ?? []).flat(),
    };
    const lineIds: number[] = [];
    const above = new Map<number, string>();
    for (const line of section.lines) {
      const terms = tokenize(line.text);
      fieldTerms.body.push(...terms);
      const lineTerms = new Set(terms);
      termsByLine.set(line, lineTerms);
      const table = line.table === undefined ? undefined : section.tables[line.table];
      const units = lineUnits(line, table?.header ?? [], above.get(line.table ?? -1) ?? '');
      if (line.cells?.[0]?.trim()) above.set(line.table ?? -1, line.cells[0]);
      for (const unit of units)
        lineIds.push(addUnit({ doc, line, terms: units.length === 1 ? lineTerms : new Set(tokenize(unit)) }));
    }
    // Each example question is a unit of line-level evidence too (never an excerpt line).
    for (const q of [...(expansion?.asked ?? []), ...(expansion?.trade ?? [])])
      lineIds.push(addUnit({ doc, line: ASKED_LINE, terms: new Set(q), asked: true }));
    const tf = new Map<Term, Record<FieldName, number>>();
    for (const field of FIELDS)
      for (const t of fieldTerms[field]) {
        const row = tf.get(t) ?? perField();
        row[field] += 1;
        tf.set(t, row);
      }
    for (const [t, row] of tf) {
      const list = postings.get(t);
      if (list) list.push({ doc, tf: row });
      else postings.set(t, [{ doc, tf: row }]);
    }
    const length = perField((f) => fieldTerms[f].length);
    for (const field of FIELDS) totals[field] += length[field];
    docs.push({ section, length, titleTerms: new Set(fieldTerms.title), lines: lineIds });
  }

  const n = Math.max(docs.length, 1);
  const idfOf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const avgLength = perField((f) => totals[f] / n || 1);
  return {
    docs,
    lines,
    postings,
    linePostings,
    termsByLine,
    avgLength,
    idf: (term) => idfOf(postings.get(term)?.length ?? 0),
    idfMax: idfOf(0),
  };
}
