import type { Citation } from './schema';

export const ORGANIZATIONAL = '組織的対策';
export const HUMAN = '人的対策';
const PART_ORDER = [ORGANIZATIONAL, HUMAN, '物理的対策', '技術的対策'];

export const organizational = (section: string): Citation => ({ part: ORGANIZATIONAL, section });
export const human = (section: string): Citation => ({ part: HUMAN, section });

/** The section id used by the policy pack (`組織的対策 9.4`). */
export const sectionId = (c: Citation): string => `${c.part} ${c.section}`;

function compare(a: Citation, b: Citation): number {
  const rank = (p: string) => (PART_ORDER.includes(p) ? PART_ORDER.indexOf(p) : PART_ORDER.length);
  if (a.part !== b.part) return rank(a.part) - rank(b.part) || a.part.localeCompare(b.part);
  const x = a.section.split('.').map(Number);
  const y = b.section.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Citations without duplicates, in the order of the regulations (part, then section number). */
export function mergeCitations(...lists: readonly (readonly Citation[])[]): Citation[] {
  const byId = new Map<string, Citation>();
  for (const c of lists.flat()) byId.set(sectionId(c), { part: c.part, section: c.section });
  return [...byId.values()].sort(compare);
}
