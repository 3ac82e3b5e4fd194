/** Reads the plain-text extraction line by line: headings, appendices and flattened tables. */

export const PACK_PARTS = [
  { name: '組織的対策', file: '1-organizational.md' },
  { name: '人的対策', file: '2-human.md' },
  { name: '物理的対策', file: '3-physical.md' },
  { name: '技術的対策', file: '4-technical.md' },
] as const;
export const PART_NAMES: readonly string[] = PACK_PARTS.map((p) => p.name);

export type Heading = { kind: 'part'; name: string } | { kind: 'section'; number: string; title: string };

export interface SrcLine {
  no: number;
  text: string;
  blank: boolean;
  /** Starts with a tab: a table cell in this extraction. */
  tab: boolean;
  /** ` \t`: the extraction marks the first cell of a new table this way, even without a blank line before. */
  tableStart: boolean;
  heading?: Heading;
  /** `8-1 …`: an appendix, placed in the section that cites it (組織的対策 8.4 for 8-1). */
  appendix?: { key: string; title: string };
}

/** A tab inside a line splits a Japanese sentence mid-word (限定提供データ in 5.1): join it without a space. */
function tidy(text: string): string {
  return text
    .replace(/(\S)\t+(?=\S)/gu, (_m, c: string) => (/[^\x20-\x7e]/.test(c) ? c : `${c} `))
    .replace(/^[\s]+|[\s]+$/gu, '');
}

export function readLine(raw: string, index: number): SrcLine {
  const hasToc = raw.includes('[bookmark: _Toc');
  const unmarked = raw.replace(/\[bookmark: [^\]]*\]/g, '');
  const rest = unmarked.replace(/^ +/, '');
  const text = tidy(rest);
  const line: SrcLine = {
    no: index + 1,
    text,
    blank: text === '' && !rest.startsWith('\t'),
    tab: rest.startsWith('\t'),
    tableStart: /^ +\t/.test(unmarked),
  };
  if (hasToc) {
    const m = /^(\d+(?:\.\d+)*)\.?\s*(\S.*)$/.exec(text);
    if (PART_NAMES.includes(text)) line.heading = { kind: 'part', name: text };
    else if (m?.[1] && m[2]) line.heading = { kind: 'section', number: m[1], title: m[2].trim() };
    else throw new Error(`source line ${line.no}: bookmarked heading without a number: ${text}`);
  } else if (!line.tab) {
    // Deeper headings carry no bookmark; single numbers (`1 発見者は…`, `1. 障害…`) are procedure steps.
    const m = /^(\d+(?:\.\d+){2,})\.?\s+(\S.*)$/.exec(text);
    const a = /^(\d+)-(\d+)[\s\u3000]+(\S.*)$/.exec(text);
    if (m?.[1] && m[2]) line.heading = { kind: 'section', number: m[1], title: m[2] };
    else if (a?.[1] && a[2] && a[3]) line.appendix = { key: `${a[1]}-${a[2]}`, title: text };
  }
  return line;
}

/**
 * Rebuilds one flattened table. Rows are separated by blank lines and every tab-initial line starts
 * a cell; untabbed lines continue the current cell. The extraction also puts blank lines inside rows
 * whose cells were merged in the original, so a row shorter than the header keeps going past blanks.
 * After a complete row, one blank line followed by untabbed text is a footnote of the last cell
 * (`*個人データ：…` in 組織的対策 9.4); more blank lines before untabbed text, or three before the
 * next row, end the table (物理的対策 1.2 is three tables one after the other).
 */
export function readTable(lines: SrcLine[], start: number): { rows: string[][][]; next: number } {
  const rows: string[][][] = [];
  let row: string[][] = [];
  let width: number | undefined;
  const endRow = (): void => {
    if (row.length === 0) return;
    rows.push(row);
    width = Math.max(width ?? 0, row.length);
    row = [];
  };
  let i = start;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.heading || l.appendix || (l.tableStart && i !== start)) break;
    if (l.blank) {
      let j = i;
      while (lines[j]?.blank) j++;
      const next = lines[j];
      if (!next || next.heading || next.appendix || next.tableStart) break;
      if (width !== undefined && row.length < width) {
        i = j;
        continue;
      }
      endRow();
      if (next.tab ? j - i >= 3 : j - i >= 2) break;
      if (!next.tab) row = rows.pop() ?? [];
      i = j;
      continue;
    }
    if (l.tab) row.push(l.text ? [l.text] : []);
    else row[row.length - 1]?.push(l.text);
    i++;
  }
  endRow();
  return { rows: mergeSplitRows(rows), next: i };
}

/**
 * A first row split by a blank line (`機密性3：極秘` / its criteria in 組織的対策 5.1) only shows up
 * once the table's width is known: adjacent short rows that together fill exactly one row are joined.
 */
function mergeSplitRows(rows: string[][][]): string[][][] {
  const width = Math.max(...rows.map((r) => r.length));
  const out: string[][][] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.length < width && r.length < width && prev.length + r.length === width) prev.push(...r);
    else out.push([...r]);
  }
  return out;
}
