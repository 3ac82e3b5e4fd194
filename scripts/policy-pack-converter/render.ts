/** Renders an assembled part as a Markdown file of the policy pack. */
import { stringify } from 'yaml';
import { escapeBlockStart, escapeCell, escapeInline } from '../../bot/src/policy/pack/markdown-inline';
import type { Block, PartDoc } from './blocks';

const DOCUMENT_TITLE = '情報セキュリティ関連規程（サンプル）';
const ATTRIBUTION =
  '独立行政法人情報処理推進機構（IPA）「中小企業の情報セキュリティ対策ガイドライン 付録5 情報セキュリティ関連規程（サンプル）」を基に作成';
/** The source leaves the revision date for the company to fill in; parts without a cover get the same. */
const REVISED_PLACEHOLDER = '20yy.mm.dd';

function renderTable(rows: string[][][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => r.map(escapeCell));
  const [header = [], ...body] = cells;
  // A short header row spanned its first columns in the original (`名称` over number and name).
  const head = [...Array<string>(width - header.length).fill(''), ...header];
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [
    line(head),
    line(Array<string>(width).fill('---')),
    ...body.map((r) => line([...r, ...Array<string>(width - r.length).fill('')])),
  ];
}

function renderBlock(b: Block): string[] {
  switch (b.kind) {
    case 'para':
      return [escapeBlockStart(escapeInline(b.text))];
    case 'strong':
      return [`**${escapeInline(b.text)}**`];
    case 'bullet':
      return [`- ${escapeBlockStart(escapeInline(b.text))}`];
    case 'step':
      return [`${b.n}. ${escapeBlockStart(escapeInline(b.text))}`];
    case 'table':
      return renderTable(b.rows);
    case 'figure':
      return ['```text', ...b.lines, '```'];
    case 'heading':
    case 'appendix':
      throw new Error(`source line ${b.src}: unexpected ${b.kind} inside a section body`);
  }
}

function renderBlocks(blocks: Block[]): string[] {
  const out: string[] = [];
  let prev: Block['kind'] | undefined;
  for (const b of blocks) {
    // Consecutive items of one list stay tight; every other block is separated by a blank line.
    if ((b.kind === 'bullet' || b.kind === 'step') && prev === b.kind) out.pop();
    out.push(...renderBlock(b), '');
    prev = b.kind;
  }
  return out;
}

export function renderPart(part: PartDoc, sourceName: string): string {
  const frontMatter = {
    title: DOCUMENT_TITLE,
    part: part.name,
    attribution: ATTRIBUTION,
    source: sourceName,
    revised: part.revised ?? REVISED_PLACEHOLDER,
    ...(part.scope ? { scope: part.scope } : {}),
  };
  const out = ['---', stringify(frontMatter, { lineWidth: 0 }).trimEnd(), '---', '', `# ${part.name}`, ''];
  out.push(...renderBlocks(part.intro));
  for (const s of part.sections) {
    const level = '#'.repeat(s.number.split('.').length + 1);
    out.push(`${level} ${s.number} ${escapeInline(s.title)}`, '', ...renderBlocks(s.blocks));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
