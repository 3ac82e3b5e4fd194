// ask — ask the policy a question from the command line. This is the contract by which answer quality is
// measured; keep its output stable.
//   npm run ask -- "質問"                 the answer as text
//   npm run ask -- --json "質問"          {"question","abstained","answer","citations":[{"part","section","title","score"}]}
//   npm run ask -- --batch FILE.jsonl     one such object per input line ({"id","question"}), with the id added
// Options: --pack DIR (default bot/policy-pack), --profile FILE (company profile: fills placeholders).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { answerQuestion, citationOf, type PolicyAnswer } from '../bot/src/policy/answer';
import { loadCompanyProfile, type CompanyProfile } from '../bot/src/policy/company-profile';
import { loadPolicySearch, type PolicySearch } from '../bot/src/policy/search';
import { projectRoot } from '../bot/src/shared/project-root';

const USAGE = `usage: ask [--json] [--pack DIR] [--profile FILE] "question"
       ask --batch FILE.jsonl [--pack DIR] [--profile FILE]   (each line: {"id": ..., "question": "..."})`;

const argsSchema = z
  .object({
    json: z.boolean(),
    batch: z.string().min(1, '--batch needs a file').optional(),
    pack: z.string().min(1, '--pack needs a directory'),
    profile: z.string().min(1, '--profile needs a file').optional(),
    question: z.string().optional(),
  })
  .refine((a) => a.batch !== undefined || a.question !== undefined, 'give a question or --batch FILE')
  .refine(
    (a) => a.batch === undefined || a.question === undefined,
    'give either a question or --batch, not both',
  );

const batchLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  question: z.string(),
});

class UsageError extends Error {}

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const raw: Record<string, unknown> = { json: false, pack: path.join(projectRoot(), 'bot/policy-pack') };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') raw.json = true;
    else if (a === '--batch' || a === '--pack' || a === '--profile') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      raw[a.slice(2)] = value;
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a === '--') continue;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else words.push(a);
  }
  if (words.length > 0) raw.question = words.join(' ');
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

interface JsonAnswer {
  question: string;
  abstained: boolean;
  answer: string;
  citations: { part: string; section: string; title: string; score: number }[];
}

function toJson(question: string, a: PolicyAnswer): JsonAnswer {
  const cited = a.best ? [a.best, ...a.related] : [];
  return {
    question,
    abstained: a.abstained,
    answer: a.answerText,
    citations: cited.map(({ section, score }) => ({
      part: section.part,
      section: section.number,
      title: section.title,
      score,
    })),
  };
}

function toText(a: PolicyAnswer): string {
  const out = [a.answerText];
  if (a.related.length > 0) {
    const label = a.language === 'ja' ? '関連' : 'Related';
    out.push('', ...a.related.map((r) => `${label}: ${citationOf(r.section)}`));
  }
  if (a.truncated)
    out.push(
      '',
      a.language === 'ja'
        ? '（質問が長いため、最初の2,000文字で検索しました）'
        : '(The question was long; only its first 2,000 characters were used.)',
    );
  return out.join('\n');
}

function readBatch(file: string): z.infer<typeof batchLineSchema>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const items: z.infer<typeof batchLineSchema>[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = batchLineSchema.safeParse(value);
    if (!parsed.success) {
      const why = parsed.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`).join('; ');
      throw new UsageError(`${file}:${i + 1}: ${why}`);
    }
    items.push(parsed.data);
  });
  return items;
}

function main(argv: string[]): number {
  let args: z.infer<typeof argsSchema>;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `ask: ${err.message}\n` : ''}${USAGE}\n`);
    return err.message ? 2 : 0;
  }
  let search: PolicySearch;
  let profile: CompanyProfile | undefined;
  try {
    search = loadPolicySearch(args.pack).search;
    profile = args.profile ? loadCompanyProfile(args.profile) : undefined;
  } catch (err) {
    process.stderr.write(`ask: ${(err as Error).message}\n`);
    return 1;
  }
  const options = profile ? { profile } : {};
  if (args.batch !== undefined) {
    let items: z.infer<typeof batchLineSchema>[];
    try {
      items = readBatch(args.batch);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`ask: ${err.message}\n`);
      return 2;
    }
    for (const { id, question } of items) {
      const line = { id, ...toJson(question, answerQuestion(search, question, options)) };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return 0;
  }
  const question = args.question ?? '';
  const answer = answerQuestion(search, question, options);
  process.stdout.write(`${args.json ? JSON.stringify(toJson(question, answer)) : toText(answer)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
