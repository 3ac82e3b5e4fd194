// bench:qa — Policy Q&A quality and speed on evaluation sets, pooled (default: the development set,
// ../shared/eval/policy-qa-dev.jsonl). Prints top-1/top-3 overall and per kind, abstention on
// out-of-scope questions, false abstention on in-scope ones, fact coverage, p50/p99 latency per question
// and the index build time.
//   npx tsx bench/qa.ts [FILE ...] [--verbose] [--threshold=X] [--calibrate] [--repeat=N]
import path from 'node:path';
import { answerQuestion } from '../bot/src/policy/answer';
import { loadPolicyPack } from '../bot/src/policy/pack';
import { buildPolicySearch, loadVocabulary } from '../bot/src/policy/search';
import { calibrateThreshold, citationMatches, factCovered, percentile, readEvalSet } from './qa-metrics';

const argv = process.argv.slice(2);
const flags = new Map<string, string>(
  argv
    .filter((a) => a.startsWith('--'))
    .map((a): [string, string] => {
      const [key = '', value = ''] = a.replace(/^--/, '').split('=');
      return [key, value];
    }),
);
const named = argv.filter((a) => !a.startsWith('--'));
const files = (named.length > 0 ? named : ['../shared/eval/policy-qa-dev.jsonl']).map((f) => path.resolve(f));
const packDir = path.resolve(flags.get('pack') ?? 'bot/policy-pack');
const repeat = Number(flags.get('repeat') ?? 20);
const verbose = flags.has('verbose');

const items = files.flatMap((f) => readEvalSet(f));
let t0 = performance.now();
const pack = loadPolicyPack(packDir);
const packMs = performance.now() - t0;
t0 = performance.now();
const vocabulary = loadVocabulary(packDir);
// A question of the pack's questions.jsonl is its own nearest example: it measures nothing.
const inPack = new Set((vocabulary.questions ?? []).flatMap((q) => (q.id ? [q.id] : [])));
const known = items.filter((item) => inPack.has(item.id)).length;
const vocabularyMs = performance.now() - t0;
t0 = performance.now();
const firstSearch = buildPolicySearch(pack, vocabulary);
const buildMs = performance.now() - t0;
const threshold = flags.get('threshold') ? Number(flags.get('threshold')) : firstSearch.threshold;
const search = buildPolicySearch(pack, vocabulary, { threshold });

interface Row {
  kind: string;
  outOfScope: boolean;
  abstained: boolean;
  top1: boolean;
  top3: boolean;
  facts: number;
  covered: number;
  confidence: number;
}
const rows: Row[] = [];
const latencies: number[] = [];
// Round-robin over the questions, after one warm-up pass: consecutive answers are to different
// questions, as in real use (nothing of one question's analysis is reused for the next).
for (const item of items) answerQuestion(search, item.question);
for (let i = 0; i < repeat; i++)
  for (const item of items) {
    const t = performance.now();
    answerQuestion(search, item.question);
    latencies.push(performance.now() - t);
  }
// Rebuilds for the median build time, after the latencies: what five thrown-away indexes leave for the
// collector is no part of answering a question.
const builds: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  buildPolicySearch(pack, vocabulary);
  builds.push(performance.now() - t);
}
for (const item of items) {
  const a = answerQuestion(search, item.question);
  const { confidence } = search.search(item.question);
  const cites = a.best ? [a.best, ...a.related].map((c) => c.section.id) : [];
  const outOfScope = item.gold.length === 0;
  const top1 = !outOfScope && cites.slice(0, 1).some((c) => citationMatches(c, item.gold));
  const top3 = !outOfScope && cites.slice(0, 3).some((c) => citationMatches(c, item.gold));
  const covered = a.abstained ? 0 : item.answer_facts.filter((f) => factCovered(f, a.answerText)).length;
  rows.push({
    kind: item.kind,
    outOfScope,
    abstained: a.abstained,
    top1,
    top3,
    facts: item.answer_facts.length,
    covered,
    confidence,
  });
  if (verbose) {
    const mark = outOfScope ? (a.abstained ? 'ok ' : 'XX ') : top1 ? 'ok ' : top3 ? '~3 ' : 'XX ';
    console.log(
      `${mark}${item.id} [${item.kind}] conf=${confidence.toFixed(3)}${a.abstained ? ' ABSTAIN' : ''} gold=${item.gold.join(',') || '-'} got=${cites.join(',') || '-'} facts=${covered}/${item.answer_facts.length}\n    ${item.question.slice(0, 100)}`,
    );
  }
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
const count = (rs: Row[], f: (r: Row) => boolean): number => rs.filter(f).length;
const inScope = rows.filter((r) => !r.outOfScope);
const oos = rows.filter((r) => r.outOfScope);
const table: string[][] = [['kind', 'n', 'top-1', 'top-3', 'abstained', 'facts covered']];
const line = (label: string, rs: Row[]): void => {
  const ins = rs.filter((r) => !r.outOfScope);
  const facts = ins.reduce((s, r) => s + r.facts, 0);
  table.push([
    label,
    String(rs.length),
    pct(
      count(ins, (r) => r.top1),
      ins.length,
    ),
    pct(
      count(ins, (r) => r.top3),
      ins.length,
    ),
    pct(
      count(rs, (r) => r.abstained),
      rs.length,
    ),
    pct(
      ins.reduce((s, r) => s + r.covered, 0),
      facts,
    ),
  ]);
};
for (const kind of [...new Set(rows.map((r) => r.kind))])
  line(
    kind,
    rows.filter((r) => r.kind === kind),
  );
line('in-scope', inScope);
line('all', rows);
const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => [...(r[i] ?? '')].length))) ?? [];
const fmt = (r: string[]): string =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
const names = files.map((f) => path.relative(process.cwd(), f));
console.log(
  `\nPolicy Q&A on ${names.length > 3 ? `${names.length} sets` : names.join(', ')} (${rows.length} questions, threshold ${threshold})`,
);
if (known > 0)
  console.log(
    `NOTE: ${known} of these questions are in the pack's questions.jsonl, each its own nearest example: these figures say nothing of new questions.`,
  );
console.log('');
console.log(fmt(table[0] ?? []));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table.slice(1)) console.log(fmt(r));

const sorted = [...latencies].sort((a, b) => a - b);
const sortedBuilds = [...builds].sort((a, b) => a - b);
console.log(`
top-1 (in-scope)                 ${pct(
  count(inScope, (r) => r.top1),
  inScope.length,
)}
top-3 (in-scope)                 ${pct(
  count(inScope, (r) => r.top3),
  inScope.length,
)}
abstention on out-of-scope       ${pct(
  count(oos, (r) => r.abstained),
  oos.length,
)}
false abstention on in-scope     ${pct(
  count(inScope, (r) => r.abstained),
  inScope.length,
)}
fact coverage (in-scope)         ${pct(
  inScope.reduce((s, r) => s + r.covered, 0),
  inScope.reduce((s, r) => s + r.facts, 0),
)}
latency per question             p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (${latencies.length} runs)
index build                      first ${buildMs.toFixed(0)} ms, then median ${percentile(sortedBuilds, 50).toFixed(0)} ms (pack load ${packMs.toFixed(0)} ms, vocabulary load ${vocabularyMs.toFixed(0)} ms)`);

if (flags.has('calibrate')) {
  const c = calibrateThreshold(rows.map((r) => ({ confidence: r.confidence, outOfScope: r.outOfScope })));
  console.log(
    `\ncalibrated threshold on this set: ${c.threshold} (abstention on out-of-scope ${pct(c.abstention * 100, 100)}, false abstention ${pct(c.falseAbstention * 100, 100)})`,
  );
}
