/**
 * Converts the plain-text extraction of IPA's 「中小企業の情報セキュリティ対策ガイドライン 付録５
 * 情報セキュリティ関連規程（サンプル）」 into the editable Markdown policy pack (one file per part).
 *
 *   npx tsx scripts/convert-policy-pack.ts [--source PATH] [--out DIR]
 *
 * The output depends only on the source text, so re-running it on the same source reproduces the
 * committed pack byte for byte (a unit test checks this).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { escapeBlockStart, escapeCell, escapeInline } from '../bot/src/policy/pack/markdown-inline';

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_SOURCE = path.resolve(REPO_ROOT, '../shared/policy-source/000_edeb4e3c41ced508.txt');
const DEFAULT_OUT = path.resolve(REPO_ROOT, 'bot/policy-pack');

const PACK_PARTS = [
  { name: '組織的対策', file: '1-organizational.md' },
  { name: '人的対策', file: '2-human.md' },
  { name: '物理的対策', file: '3-physical.md' },
  { name: '技術的対策', file: '4-technical.md' },
] as const;
const PART_NAMES: readonly string[] = PACK_PARTS.map((p) => p.name);

const DOCUMENT_TITLE = '情報セキュリティ関連規程（サンプル）';
const ATTRIBUTION =
  '独立行政法人情報処理推進機構（IPA）「中小企業の情報セキュリティ対策ガイドライン 付録5 情報セキュリティ関連規程（サンプル）」を基に作成';
/** The source leaves the revision date for the company to fill in; parts without a cover get the same. */
const REVISED_PLACEHOLDER = '20yy.mm.dd';

type Heading = { kind: 'part'; name: string } | { kind: 'section'; number: string; title: string };

interface SrcLine {
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

type Block =
  | { kind: 'heading'; heading: Heading; src: number }
  | { kind: 'appendix'; key: string; title: string; src: number }
  | { kind: 'para' | 'bullet' | 'strong'; text: string; src: number }
  | { kind: 'step'; n: string; text: string; src: number }
  | { kind: 'table'; rows: string[][][]; src: number }
  | { kind: 'figure'; lines: string[]; src: number };

interface SectionDoc {
  number: string;
  title: string;
  blocks: Block[];
}
interface PartDoc {
  name: string;
  intro: Block[];
  sections: SectionDoc[];
  revised?: string;
  scope?: string;
}

/** A tab inside a line splits a Japanese sentence mid-word (限定提供データ in 5.1): join it without a space. */
function tidy(text: string): string {
  return text
    .replace(/(\S)\t+(?=\S)/gu, (_m, c: string) => (/[^\x20-\x7e]/.test(c) ? c : `${c} `))
    .replace(/^[\s]+|[\s]+$/gu, '');
}

function readLine(raw: string, index: number): SrcLine {
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
function readTable(lines: SrcLine[], start: number): { rows: string[][][]; next: number } {
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

function bodyBlock(l: SrcLine): Block {
  const bullet = /^(?:[·・]\s*|-\s+)(\S.*)$/.exec(l.text);
  if (bullet?.[1]) return { kind: 'bullet', text: bullet[1], src: l.no };
  const step = /^(\d+)\.?\s+(\S.*)$/.exec(l.text);
  if (step?.[1] && step[2]) return { kind: 'step', n: step[1], text: step[2], src: l.no };
  return { kind: 'para', text: l.text, src: l.no };
}

function readBlocks(lines: SrcLine[]): Block[] {
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

function assemble(blocks: Block[]): PartDoc[] {
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

function renderPart(part: PartDoc, sourceName: string): string {
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

/** Converts the source text into the pack: file name → content, in pack order. */
export function convertPolicySource(sourceText: string, sourceName: string): Map<string, string> {
  const lines = sourceText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(readLine);
  const parts = assemble(readBlocks(lines));
  const files = new Map<string, string>();
  for (const spec of PACK_PARTS) {
    const part = parts.find((p) => p.name === spec.name);
    if (!part) throw new Error(`source has no part ${spec.name}`);
    files.set(spec.file, renderPart(part, sourceName));
  }
  files.set('README.md', README);
  return files;
}

function parseArgs(argv: string[]): { source: string; out: string } {
  const args = { source: DEFAULT_SOURCE, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if ((flag !== '--source' && flag !== '--out') || value === undefined) {
      throw new Error(`usage: convert-policy-pack.ts [--source PATH] [--out DIR] (got ${flag ?? ''})`);
    }
    args[flag === '--source' ? 'source' : 'out'] = path.resolve(value);
  }
  return args;
}

function main(): void {
  const { source, out } = parseArgs(process.argv.slice(2));
  const files = convertPolicySource(fs.readFileSync(source, 'utf8'), path.basename(source));
  fs.mkdirSync(out, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(out, name), content);
  console.log(`wrote ${files.size} files to ${path.relative(process.cwd(), out) || '.'}`);
}

const README = `# Policy pack (情報セキュリティ関連規程)

The company's information-security regulations as Mamori reads them: one Markdown file per part
(組織的対策, 人的対策, 物理的対策, 技術的対策). The text starts from IPA's sample
「中小企業の情報セキュリティ対策ガイドライン 付録5 情報セキュリティ関連規程（サンプル）」, converted by
\`scripts/convert-policy-pack.ts\` from a plain-text extraction of it (by default
\`../shared/policy-source/\`, next to the repository). Every answer, rule and quiz item cites a section as
\`<part> <number>\`, e.g. \`組織的対策 5.6\`, so keep numbers stable once the pack is in use.

| File | Part |
| --- | --- |
| \`1-organizational.md\` | 組織的対策 (also the document's cover and introduction) |
| \`2-human.md\` | 人的対策 |
| \`3-physical.md\` | 物理的対策 |
| \`4-technical.md\` | 技術的対策 |

## Making it your company's policy

The sample is meant to be edited: keep the measures you need, delete the rest, fill in the blanks.

- **Placeholders** (red text in IPA's original) stand for your own values: \`○○\` (\`○○部長\`,
  \`○月\`, \`○○システム\`), \`●●●●\` (product names), \`*****\` (phone numbers, mail addresses; written \`\\*\\*\\*\\*\\*\` in the files).
  Replace them with the real role titles, names, products and contacts.
- **Alternatives** (blue text in the original) are written \`A/B\` or \`A／B\`, e.g.
  \`システム管理者の許可を得る/利用することを禁止する\`: keep the wording that applies and delete the
  other. Not every slash is a choice (\`入場/退場\`, \`CD/DVD\`); read the sentence.
- **編集時注意** notes are IPA's instructions to the editor; delete them once acted on.
- **Revision date**: set \`revised\` in each file's front matter (\`2025.04.01\`; the sample's
  \`20yy.mm.dd\` is a placeholder) whenever the part changes.
- **Attribution**: keep the \`attribution\` line crediting IPA; the loader refuses a pack without it.

## Format (checked by the loader, \`bot/src/policy/pack/\`)

- Front matter between \`---\` lines: \`title\`, \`part\` (must equal the \`#\` heading), \`attribution\`,
  \`revised\`, optional \`source\` and \`scope\` (適用範囲).
- \`# <part>\` once per file, then numbered headings whose level follows the depth of the number:
  \`## 5 …\`, \`### 5.6 …\`, \`#### 6.2.2 …\`, \`##### 2.1.4.1 …\`. The heading text is \`<number> <title>\`
  with no trailing dot. A numbered section needs its parent (\`5.6\` needs \`5\`) and numbers are unique
  within a part.
- Body: paragraphs separated by blank lines, \`- \` bullet items, \`1. \` procedure steps, tables with
  a header row and a \`| --- |\` line, every row with the same number of cells. In a cell, \`<br>\` is a
  line break and \`\\|\` a literal pipe. Write a literal asterisk as \`\\*\`.
- The \`.md\` files are read in name order; this README and other file types are skipped.

A mistake fails loading with the file, line and reason, e.g.
\`bot/policy-pack/2-human.md:41: duplicate section 人的対策 4.1 (first at …) [duplicate-number]\`.

## Differences from the IPA text

- The appendix \`8-1 委託先情報セキュリティ対策状況確認リスト\` sits at the end of 組織的対策 8.4,
  the section that uses it, instead of after 8.7.
- Numbers lose the source's trailing dot (\`5.6.\` → \`5.6\`, \`6.\` → \`6\`).
- Each part's cover table (改訂日, 適用範囲) is in the front matter; 物理的対策 has no cover in the
  source, so its \`revised\` is the placeholder and it has no \`scope\`.
- Nested bullets are flat: the extraction lost their indentation.
- The committee org chart (体制図) in 組織的対策 1 survives only as its boxes' text, kept as a
  text figure.
- Regenerating with the script overwrites the files: once the company edits the pack, edit the
  Markdown directly.
`;

if (require.main === module) main();
