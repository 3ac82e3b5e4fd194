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
import { assemble, readBlocks } from './policy-pack-converter/blocks';
import { renderPart } from './policy-pack-converter/render';
import { PACK_PARTS, readLine } from './policy-pack-converter/source-lines';

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_SOURCE = path.resolve(REPO_ROOT, '../shared/policy-source/000_edeb4e3c41ced508.txt');
const DEFAULT_OUT = path.resolve(REPO_ROOT, 'bot/policy-pack');

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

## Search vocabulary

Four YAML files and a JSON Lines file beside the Markdown help Policy Q&A find the section an
employee means; each YAML file has its format in a comment at its top, and all are checked when the
pack loads.

- \`thesaurus.yaml\`: everyday Japanese → the policy's terms (なくした → 紛失), wherever they appear.
- \`glossary-en.yaml\`: English → the policy's Japanese terms, for questions in English.
- \`keywords.yaml\`: per section, the everyday Japanese and English words people use when they ask what
  it answers (裏紙, "scrap paper" for 物理的対策 6.3), searched with the section, with example questions
  it answers (\`asked\`) and the same in particular trades' words (\`trade\`: 介護記録, 配車, 図面); a new
  question is also compared with each example question, and the section of the closest one moves up.
  When you renumber, merge or delete a section, move or delete its keywords: a key naming no section
  fails loading.
- \`unanswered.yaml\`: questions staff ask that the policy does not answer (paid leave, a bigger
  monitor, a personal shopping site's password); a question close to one of them is trusted less, so
  the bot says the policy does not cover it instead of citing a section whose words happen to match.
- \`questions.jsonl\`: questions people asked, one JSON object a line:
  \`{"id": "h12-05", "question": "…", "sections": ["組織的対策 5.6"]}\` (\`sections\` empty: the policy does
  not answer it; \`id\` optional). A new question is compared with each one: put like an answered one,
  its sections move up and the answer is trusted more; put like an unanswered one, it is trusted less.
  The default pack holds about 6,300 questions from the project's held-out evaluation sets (93
  fictional small companies of different trades). Add your own staff's questions, e.g. from the
  feedback log, with \`npm run pack:questions -- FILE.jsonl\` (the evaluation format: \`id\`,
  \`question\`, \`gold\`); never add questions you then measure on, since each is its own nearest one.

Measure a change with \`npm run bench:qa\` (and on questions of your own with \`-- FILE.jsonl\`).

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
