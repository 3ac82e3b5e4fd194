import { PolicyPackError } from './errors';
import { splitTableRow } from './markdown-inline';

/**
 * The block structure of a pack file body. Only the Markdown the pack uses is recognised (ATX headings,
 * paragraphs, `-` lists, `1.` steps, pipe tables, fenced figures, HTML comments); anything else is
 * read as paragraph text, so an unusual construct degrades to text instead of being lost.
 */
export type MdBlock =
  | { type: 'heading'; level: number; text: string; line: number }
  | { type: 'table'; header: string[]; rows: string[][]; rowLines: number[]; line: number }
  | { type: 'paragraph' | 'bullet' | 'figure'; text: string; line: number }
  | { type: 'step'; marker: string; text: string; line: number };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^\s*[-*+][ \t]+(.*)$/;
const STEP = /^\s*(\d{1,9})[.)][ \t]+(.*)$/;
const TABLE = /^\s*\|/;
const COMMENT = /^\s*<!--/;
const DELIMITER = /^:?-+:?$/;

function startsBlock(line: string): boolean {
  return [HEADING, FENCE, BULLET, STEP, TABLE, COMMENT].some((re) => re.test(line));
}

export function tokenize(body: readonly string[], bodyStart: number, file: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  const at = (k: number): number => bodyStart + k;
  let i = 0;
  // Lines after a list item or paragraph start that do not open a new block continue it (lazily).
  const continuation = (first: string): string => {
    const parts = [first];
    while (i < body.length && body[i]!.trim() !== '' && !startsBlock(body[i]!)) parts.push(body[i++]!.trim());
    return parts.join('\n');
  };

  while (i < body.length) {
    const raw = body[i]!;
    const start = i;
    i++;
    let m: RegExpExecArray | null;
    if (raw.trim() === '') continue;
    if ((m = FENCE.exec(raw))) {
      const close = new RegExp(`^ {0,3}${m[1]![0] === '`' ? '`' : '~'}{${m[1]!.length},}\\s*$`);
      const content: string[] = [];
      while (i < body.length && !close.test(body[i]!)) content.push(body[i++]!);
      if (i >= body.length)
        throw new PolicyPackError('unclosed-block', file, at(start), 'code fence is not closed');
      i++;
      blocks.push({ type: 'figure', text: content.join('\n'), line: at(start) + 1 });
    } else if (COMMENT.test(raw)) {
      // Editors' notes in the pack are for humans only.
      let k = start;
      while (k < body.length && !body[k]!.includes('-->')) k++;
      if (k >= body.length)
        throw new PolicyPackError('unclosed-block', file, at(start), 'comment is not closed');
      i = k + 1;
    } else if ((m = HEADING.exec(raw))) {
      blocks.push({ type: 'heading', level: m[1]!.length, text: (m[2] ?? '').trim(), line: at(start) });
    } else if (TABLE.test(raw)) {
      while (i < body.length && TABLE.test(body[i]!)) i++;
      blocks.push(readTable(body.slice(start, i), at(start), file));
    } else if ((m = BULLET.exec(raw))) {
      blocks.push({ type: 'bullet', text: continuation(m[1]!.trim()), line: at(start) });
    } else if ((m = STEP.exec(raw))) {
      blocks.push({ type: 'step', marker: m[1]!, text: continuation(m[2]!.trim()), line: at(start) });
    } else {
      blocks.push({ type: 'paragraph', text: continuation(raw.trim()), line: at(start) });
    }
  }
  return blocks;
}

function readTable(lines: string[], line: number, file: string): MdBlock {
  const [header = [], delimiter = [], ...rows] = lines.map(splitTableRow);
  const fail = (offset: number, detail: string): never => {
    throw new PolicyPackError('malformed-table', file, line + offset, detail);
  };
  if (lines.length < 2) fail(0, 'a table needs a header row and a | --- | line');
  if (delimiter.length !== header.length || !delimiter.every((c) => DELIMITER.test(c))) {
    fail(1, `the second table line must be | --- | with ${header.length} cells`);
  }
  rows.forEach((r, k) => {
    if (r.length !== header.length)
      fail(k + 2, `table row has ${r.length} cells, the header has ${header.length}`);
  });
  return { type: 'table', header, rows, rowLines: rows.map((_, k) => line + k + 2), line };
}
