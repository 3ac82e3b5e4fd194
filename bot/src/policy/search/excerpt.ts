import type { PolicyLine, PolicySection } from '../pack';
import type { Concept } from './query';
import { tokenize, type Term } from './tokenize';
import type { Excerpt } from './types';

/**
 * Picks the lines of a section that answer the question. Units (lines; a long table row is cut into its
 * cell lines, labelled with row and column) are scored like the line-level evidence of the search; the
 * best ones are kept within the budget and shown in document order with their context: the table header
 * of a row, the ＜…＞ sub-heading a line sits under, and the contact lines (URL, TEL, Mail) that follow.
 */
const LONG_ROW = 200;
/** Units scoring under this share of the best unit are left out even when there is room. */
const KEEP_SHARE = 0.3;
const SUBHEADING = /^[＜<【[].{1,40}[＞>】\]]$/u;
const CONTACT = /https?:|@|TEL|Mail|E-mail|電話|携帯/iu;
const MAX_TRAILER = 4;

interface Unit {
  line: PolicyLine;
  /** Index of the source line in the section, and of the cell line within it. */
  pos: number;
  sub: number;
  /** Cell lines of one cell share a key, so that they are shown under one label. */
  cell?: string;
  label?: string;
  piece?: string;
  context: PolicyLine[];
  score: number;
}

export function renderLine(line: PolicyLine): string {
  if (line.kind === 'bullet') return `・${line.text}`;
  if (line.kind === 'step') return line.marker ? `${line.marker}. ${line.text}` : line.text;
  return line.text;
}

function units(section: PolicySection): Unit[] {
  const out: Unit[] = [];
  const headers = new Map<number, PolicyLine>();
  let subheading: PolicyLine | null = null;
  section.lines.forEach((line, pos) => {
    if (line.kind === 'paragraph' && SUBHEADING.test(line.text.trim())) {
      subheading = line;
      return;
    }
    const context: PolicyLine[] = [];
    if (subheading && (line.kind !== 'paragraph' || line.text.length < 80)) context.push(subheading);
    if (line.kind === 'table-header' && line.table !== undefined) headers.set(line.table, line);
    const head = line.kind === 'table-row' && line.table !== undefined ? headers.get(line.table) : undefined;
    const header = line.table === undefined ? undefined : section.tables[line.table]?.header;
    if (line.kind === 'table-row' && line.text.length > LONG_ROW && line.cells && header) {
      const [rowName = '', ...rest] = line.cells;
      const rowLabel = [header[0], rowName].filter((s) => s?.trim()).join(' ');
      rest.forEach((cell, j) => {
        const column = header[j + 1]?.trim();
        const label = `${rowLabel}${column ? `（${column}）` : ''}`;
        for (const piece of cell
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const text = `${label}：${piece}`;
          const sub = { ...line, text, cells: undefined };
          out.push({ line: sub, pos, sub: out.length, cell: `${pos}/${j}`, label, piece, context, score: 0 });
        }
      });
      return;
    }
    out.push({ line, pos, sub: 0, context: head && head !== line ? [...context, head] : context, score: 0 });
  });
  return out;
}

export function unitScore(terms: Set<Term>, concepts: Concept[], idf: (t: Term) => number): number {
  let score = 0;
  for (const c of concepts) {
    let best = 0;
    for (const alt of c.alts) {
      let mass = 0;
      let found = 0;
      for (const t of alt) {
        const w = idf(t);
        mass += w;
        if (terms.has(t)) found += w;
      }
      if (mass > 0) best = Math.max(best, found / mass);
    }
    score += c.weight * best;
  }
  return score;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(max - 1, 0)).join('')}…`;
}

/** Contact lines (and their ＜…＞ labels) right after a line belong to it. */
function trailer(section: PolicySection, line: PolicyLine): PolicyLine[] {
  const start = section.lines.indexOf(line);
  const out: PolicyLine[] = [];
  for (const next of section.lines.slice(start + 1, start + 1 + MAX_TRAILER)) {
    if (next.kind !== 'paragraph' || !(CONTACT.test(next.text) || /^[＜【]/u.test(next.text))) break;
    out.push(next);
  }
  while (out.length > 0 && !CONTACT.test(out.at(-1)?.text ?? '')) out.pop();
  return out;
}

/** Consecutive cell lines of one cell become one line under the cell's label. */
function mergeCells(chosen: Unit[]): PolicyLine[][] {
  const groups: { unit: Unit; pieces: string[] }[] = [];
  for (const u of chosen) {
    const last = groups.at(-1);
    if (u.cell && last?.unit.cell === u.cell && u.piece) last.pieces.push(u.piece);
    else groups.push({ unit: u, pieces: u.piece ? [u.piece] : [] });
  }
  return groups.map(({ unit, pieces }) => {
    const line =
      pieces.length > 1 ? { ...unit.line, text: `${unit.label ?? ''}：${pieces.join(' ')}` } : unit.line;
    return [...unit.context, line];
  });
}

export function selectExcerpt(
  section: PolicySection,
  concepts: Concept[],
  idf: (t: Term) => number,
  maxChars = 500,
  termsOf: (line: PolicyLine) => Set<Term> = (l) => new Set(tokenize(l.text)),
): Excerpt {
  const all = units(section);
  for (const u of all) u.score = unitScore(termsOf(u.line), concepts, idf);
  const top = Math.max(0, ...all.map((u) => u.score));
  const ranked =
    top > 0
      ? all.filter((u) => u.score >= top * KEEP_SHARE).sort((a, b) => b.score - a.score || a.sub - b.sub)
      : all;

  const chosen: Unit[] = [];
  const shown = new Set<PolicyLine>();
  let used = 0;
  const cost = (lines: PolicyLine[]): number =>
    lines.filter((l) => !shown.has(l)).reduce((s, l) => s + [...renderLine(l)].length + 1, 0);
  for (const u of ranked) {
    const extra = u.cell ? [] : trailer(section, u.line);
    const lines = [...u.context, u.line, ...extra];
    if (used + cost(lines) > maxChars + 1) continue;
    used += cost(lines);
    for (const l of lines) shown.add(l);
    chosen.push(u);
    for (const [k, l] of extra.entries())
      chosen.push({ line: l, pos: section.lines.indexOf(l), sub: u.sub + k + 1, context: [], score: 0 });
  }
  if (chosen.length === 0 && ranked[0]) {
    const line = { ...ranked[0].line, text: truncate(ranked[0].line.text, maxChars - 2) };
    return { lines: [line], text: truncate(renderLine(line), maxChars) };
  }

  chosen.sort((a, b) => a.pos - b.pos || a.sub - b.sub);
  const lines: PolicyLine[] = [];
  const added = new Set<PolicyLine>();
  for (const group of mergeCells(chosen))
    for (const l of group)
      if (!added.has(l)) {
        added.add(l);
        lines.push(l);
      }
  return { lines, text: truncate(lines.map(renderLine).join('\n'), maxChars) };
}
