import type { PolicyLine, PolicySection } from '../pack';

/**
 * The units an excerpt is made of: the lines of a section, a long table row cut into its cell lines
 * (labelled with row and column), each with its context — the table header of a row and the ＜…＞
 * sub-heading a line sits under.
 */
const LONG_ROW = 200;
const SUBHEADING = /^[＜<【[].{1,40}[＞>】\]]$/u;

export interface Unit {
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

export function units(section: PolicySection): Unit[] {
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
