import type { PolicyLine, PolicySection } from '../pack';
import type { Concept } from './query';
import { units, type Unit } from './excerpt-units';
import { tokenize, type Term } from './tokenize';
import type { Excerpt } from './types';

/**
 * Picks the lines of a section that answer the question. Units (lines; a long table row is cut into its
 * cell lines, labelled with row and column: excerpt-units.ts) are scored like the line-level evidence of
 * the search; those covering the question's ideas best are kept within the budget and shown in document
 * order with their context: the table header of a row, the ＜…＞ sub-heading a line sits under, and the
 * contact lines (URL, TEL, Mail) that follow.
 */
/** Units scoring under this share of the best unit are left out even when there is room... */
const KEEP_SHARE = 0.3;
/** ...unless they show an idea of the question no better unit shows, down to this share. */
const COVER_SHARE = 0.15;
const CONTACT = /https?:|@|TEL|Mail|E-mail|電話|携帯/iu;
const MAX_TRAILER = 4;

export function renderLine(line: PolicyLine): string {
  if (line.kind === 'bullet') return `・${line.text}`;
  if (line.kind === 'step') return line.marker ? `${line.marker}. ${line.text}` : line.text;
  return line.text;
}

/** The share of each concept a unit's terms hold, through the concept's best-matching wording. */
function conceptShares(terms: Set<Term>, concepts: Concept[], idf: (t: Term) => number): number[] {
  return concepts.map((c) => {
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
    return best;
  });
}

export function unitScore(terms: Set<Term>, concepts: Concept[], idf: (t: Term) => number): number {
  const shares = conceptShares(terms, concepts, idf);
  return concepts.reduce((sum, c, i) => sum + c.weight * (shares[i] ?? 0), 0);
}

/**
 * The order in which units are offered to the budget: greedily, the unit adding the most concept weight
 * not yet shown — so that each idea of the question gets its line (USBメモリで極秘データを持ち出す: the USB
 * rule, then 極秘の場合は代表取締役の許可) — among units of at least COVER_SHARE of the best score; then
 * the other units of at least KEEP_SHARE of it, best first.
 */
function offerOrder(all: Unit[], shares: Map<Unit, number[]>, concepts: Concept[], top: number): Unit[] {
  if (top <= 0) return all;
  const covered = concepts.map(() => 0);
  const gain = (u: Unit): number =>
    concepts.reduce(
      (g, c, i) => g + c.weight * Math.max(0, (shares.get(u)?.[i] ?? 0) - (covered[i] ?? 0)),
      0,
    );
  const left = all.filter((u) => u.score >= top * COVER_SHARE);
  const order: Unit[] = [];
  for (;;) {
    const scored = left.map((u) => ({ u, g: gain(u) })).filter((x) => x.g > 1e-9);
    // Equal gains: the shorter unit, which leaves more of the budget.
    const len = (u: Unit): number => u.line.text.length;
    const best = scored.sort((a, b) => b.g - a.g || len(a.u) - len(b.u) || a.u.sub - b.u.sub)[0]?.u;
    if (!best) break;
    order.push(best);
    left.splice(left.indexOf(best), 1);
    shares.get(best)?.forEach((x, i) => (covered[i] = Math.max(covered[i] ?? 0, x)));
  }
  const rest = all.filter((u) => !order.includes(u) && u.score >= top * KEEP_SHARE);
  return [...order, ...rest.sort((a, b) => b.score - a.score || a.sub - b.sub)];
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
  const shares = new Map<Unit, number[]>();
  for (const u of all) {
    const unitShares = conceptShares(termsOf(u.line), concepts, idf);
    shares.set(u, unitShares);
    u.score = concepts.reduce((sum, c, i) => sum + c.weight * (unitShares[i] ?? 0), 0);
  }
  const top = Math.max(0, ...all.map((u) => u.score));
  const ranked = offerOrder(all, shares, concepts, top);

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
