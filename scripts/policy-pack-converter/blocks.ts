/** Turns source lines into blocks and assembles them into parts and sections. */
import { PART_NAMES, readTable, type Heading, type SrcLine } from './source-lines';

export type Block =
  | { kind: 'heading'; heading: Heading; src: number }
  | { kind: 'appendix'; key: string; title: string; src: number }
  | { kind: 'para' | 'bullet' | 'strong'; text: string; src: number }
  | { kind: 'step'; n: string; text: string; src: number }
  | { kind: 'table'; rows: string[][][]; src: number }
  | { kind: 'figure'; lines: string[]; src: number };

export interface SectionDoc {
  number: string;
  title: string;
  blocks: Block[];
}
export interface PartDoc {
  name: string;
  intro: Block[];
  sections: SectionDoc[];
  revised?: string;
  scope?: string;
}

function bodyBlock(l: SrcLine): Block {
  const bullet = /^(?:[·・]\s*|-\s+)(\S.*)$/.exec(l.text);
  if (bullet?.[1]) return { kind: 'bullet', text: bullet[1], src: l.no };
  const step = /^(\d+)\.?\s+(\S.*)$/.exec(l.text);
  if (step?.[1] && step[2]) return { kind: 'step', n: step[1], text: step[2], src: l.no };
  return { kind: 'para', text: l.text, src: l.no };
}

export function readBlocks(lines: SrcLine[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length;) {
    const l = lines[i]!;
    if (l.blank) {
      i++;
    } else if (l.heading) {
      blocks.push({ kind: 'heading', heading: l.heading, src: l.no });
      i++;
    } else if (l.appendix) {
      blocks.push({ kind: 'appendix', ...l.appendix, src: l.no });
      i++;
    } else if (l.tab) {
      const { rows, next } = readTable(lines, i);
      const only = rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : undefined;
      // A one-cell "table" is an indented text box (the document's introduction), not tabular data.
      if (only) blocks.push(...only.map((text, k) => bodyBlock({ ...l, no: l.no + k, text })));
      else blocks.push({ kind: 'table', rows, src: l.no });
      i = next;
    } else if (/^＜.*図＞$/.test(l.text)) {
      // The boxes of an org chart, one per line: kept verbatim as a figure rather than as paragraphs.
      blocks.push({ kind: 'para', text: l.text, src: l.no });
      const figure: string[] = [];
      for (i++; i < lines.length && !lines[i]!.blank && !lines[i]!.tab; i++) figure.push(lines[i]!.text);
      blocks.push({ kind: 'figure', lines: figure, src: l.no + 1 });
    } else {
      blocks.push(bodyBlock(l));
      i++;
    }
  }
  return blocks;
}

/** Each part's cover table (`1 | 組織的対策 | 改訂日 | 20yy.mm.dd`, `適用範囲 | …`) becomes front matter. */
function coverOf(block: Block): { part: string; revised?: string; scope?: string } | undefined {
  if (block.kind !== 'table') return undefined;
  const cell = (r: number, c: number): string => block.rows[r]?.[c]?.join('\n') ?? '';
  if (!PART_NAMES.includes(cell(0, 1)) || cell(0, 2) !== '改訂日') return undefined;
  const scopeRow = block.rows.findIndex((r) => r[0]?.join('') === '適用範囲');
  return { part: cell(0, 1), revised: cell(0, 3) || undefined, scope: cell(scopeRow, 1) || undefined };
}

export function assemble(blocks: Block[]): PartDoc[] {
  const parts: PartDoc[] = [];
  const covers = new Map<string, { revised?: string; scope?: string }>();
  let intro: Block[] = [];
  let target: Block[] = intro;
  for (const b of blocks) {
    const cover = coverOf(b);
    const part = parts[parts.length - 1];
    if (cover) {
      covers.set(cover.part, cover);
    } else if (b.kind === 'heading' && b.heading.kind === 'part') {
      parts.push({ name: b.heading.name, intro, sections: [], ...covers.get(b.heading.name) });
      intro = [];
      target = parts[parts.length - 1]!.intro;
    } else if (b.kind === 'heading' && b.heading.kind === 'section') {
      if (!part) throw new Error(`source line ${b.src}: section ${b.heading.number} before any part`);
      part.sections.push({ number: b.heading.number, title: b.heading.title, blocks: [] });
      target = part.sections[part.sections.length - 1]!.blocks;
    } else if (b.kind === 'appendix') {
      // `8-1` is not section 8.1: the checklist follows 8.7 in the source but is used by 8.4.
      const owner = part?.sections.find((s) => s.blocks.some((x) => 'text' in x && x.text.includes(b.key)));
      if (!owner) throw new Error(`source line ${b.src}: no section cites appendix ${b.title}`);
      target = owner.blocks;
      target.push({ kind: 'strong', text: b.title, src: b.src });
    } else {
      target.push(b);
    }
  }
  // The document's own title comes first in the extraction, before any indented text.
  const docIntro = parts[0]?.intro ?? [];
  for (const b of docIntro.slice(0, 2)) if (b.kind === 'para') Object.assign(b, { kind: 'strong' });
  return parts;
}
