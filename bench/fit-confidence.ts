// Fits the confidence model of Policy Q&A (bot/src/policy/search/confidence.ts) and calibrates its
// threshold, on evaluation sets as a whole (default: the development set and every held-out set in
// test/fixtures). Prints the constants to put in confidence.ts. The threshold keeps false abstention
// within the bound on all the sets together and on the development set alone.
// A question that is in the pack's questions.jsonl would be its own nearest example, which says nothing
// of a new question: its set's questions are measured with a search built without them (the sets are
// cut into FOLDS groups; each group is measured by a search built without its questions), as a
// question of a company the file has never heard from.
//   npm run fit:confidence -- [FILE ...] [--max-false=0.025]
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadPolicyPack } from '../bot/src/policy/pack';
import { buildPolicySearch, confidenceFrom, loadVocabulary, type Evidence } from '../bot/src/policy/search';
import { FULL_SHARE } from '../bot/src/policy/search/confidence';
import { calibrateThreshold, readEvalSet } from './qa-metrics';

const argv = process.argv.slice(2);
const maxFalse = Number(argv.find((a) => a.startsWith('--max-false='))?.split('=')[1] ?? 0.025);
const fixtures = path.resolve('test/fixtures');
const files = argv.filter((a) => !a.startsWith('--'));
if (files.length === 0)
  files.push(
    path.resolve('../shared/eval/policy-qa-dev.jsonl'),
    ...readdirSync(fixtures)
      .filter((f) => /^policy-qa-heldout.*\.jsonl$/.test(f))
      .map((f) => path.join(fixtures, f)),
  );

const FOLDS = 8;
const packDir = path.resolve('bot/policy-pack');
const pack = loadPolicyPack(packDir);
const vocabulary = loadVocabulary(packDir);
const questions = vocabulary.questions ?? [];
const inPack = new Set(questions.flatMap((q) => (q.id ? [q.id] : [])));
const sets = files.map((f) => readEvalSet(f));
// Sets with questions in the file, dealt round-robin into folds in the order of their file names (the
// same folds however the files are named on the command line); fold -1: none in the file.
const foldOf = new Map<number, number>();
files
  .map((f, i) => ({ name: path.basename(f), i }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  .forEach(({ i }) => {
    if (sets[i]?.some((item) => inPack.has(item.id))) foldOf.set(i, foldOf.size % FOLDS);
  });
const points: { e: Evidence; outOfScope: boolean; file: string }[] = [];
for (let fold = -1; fold < FOLDS; fold++) {
  const members = sets.filter((_, i) => (foldOf.get(i) ?? -1) === fold);
  if (members.length === 0) continue;
  const left = new Set(members.flatMap((set) => set.map((item) => item.id)));
  const search = buildPolicySearch(pack, {
    ...vocabulary,
    questions: questions.filter((q) => !q.id || !left.has(q.id)),
  });
  sets.forEach((set, i) => {
    if ((foldOf.get(i) ?? -1) !== fold) return;
    for (const item of set)
      points.push({
        e: search.trace(item.question).evidence,
        outOfScope: item.gold.length === 0,
        file: files[i] ?? '',
      });
  });
}

/**
 * Logistic regression of "the policy answers it" on share, ln(1 + ideas), the nearest example question's
 * similarity and the nearest unanswered question's, each class weighing half
 * (out-of-scope questions are few), with a little L2 on standardised features; plain gradient descent.
 */
function fit(data: { x: number[]; y: number }[]): number[] {
  const d = data[0]?.x.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => data.reduce((s, p) => s + (p.x[j] ?? 0), 0) / data.length);
  const sd = mean.map(
    (m, j) => Math.sqrt(data.reduce((s, p) => s + ((p.x[j] ?? 0) - m) ** 2, 0) / data.length) || 1,
  );
  const pos = data.filter((p) => p.y === 1).length;
  const weightOf = (y: number): number =>
    y === 1 ? data.length / (2 * pos) : data.length / (2 * (data.length - pos));
  const w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < 5000; it++) {
    const g = new Array<number>(d + 1).fill(0);
    for (const p of data) {
      const z =
        (w[d] ?? 0) + p.x.reduce((s, x, j) => s + (w[j] ?? 0) * ((x - (mean[j] ?? 0)) / (sd[j] ?? 1)), 0);
      const err = (1 / (1 + Math.exp(-z)) - p.y) * weightOf(p.y);
      p.x.forEach((x, j) => (g[j] = (g[j] ?? 0) + (err * (x - (mean[j] ?? 0))) / (sd[j] ?? 1)));
      g[d] = (g[d] ?? 0) + err;
    }
    for (let j = 0; j <= d; j++)
      w[j] = (w[j] ?? 0) - 0.5 * ((g[j] ?? 0) / data.length + (j < d ? 0.001 * (w[j] ?? 0) : 0));
  }
  // Back to the raw scale: z = bias + Σ w_j x_j.
  const raw = mean.map((_, j) => (w[j] ?? 0) / (sd[j] ?? 1));
  const bias = (w[d] ?? 0) - mean.reduce((s, m, j) => s + (raw[j] ?? 0) * m, 0);
  return [...raw, bias];
}

// Questions with nothing found are abstained on, and fully found ones answered, whatever the model.
const usable = points.filter((p) => p.e.share > 0 && p.e.share < FULL_SHARE);
const [share = 0, ideas = 0, near = 0, unanswered = 0, bias = 0] = fit(
  usable.map((p) => ({
    x: [p.e.share, Math.log1p(p.e.ideas), p.e.near, p.e.unanswered],
    y: p.outOfScope ? 0 : 1,
  })),
);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const model = {
  share: r3(share),
  ideas: r3(ideas),
  near: r3(near),
  unanswered: r3(unanswered),
  bias: r3(bias),
};
const calibration = points.map((p) => ({
  confidence: r3(confidenceFrom(p.e, model)),
  outOfScope: p.outOfScope,
  file: p.file,
}));
// The development set must be within the bound on its own too: it is the set the targets name.
const dev = calibration.filter((p) => path.basename(p.file) === 'policy-qa-dev.jsonl');
const c = calibrateThreshold(calibration, maxFalse, dev.length > 0 ? [dev] : []);
const oos = points.filter((p) => p.outOfScope).length;
console.log(`${files.length} sets (${foldOf.size} of them in questions.jsonl, measured in ${Math.min(FOLDS, foldOf.size)} folds), ${points.length} questions (${oos} out of scope)
export const CONFIDENCE_MODEL = { share: ${model.share}, ideas: ${model.ideas}, near: ${model.near}, unanswered: ${model.unanswered}, bias: ${model.bias} };
export const DEFAULT_THRESHOLD = ${c.threshold};
on these sets: abstention on out-of-scope ${(100 * c.abstention).toFixed(1)}%, false abstention ${(100 * c.falseAbstention).toFixed(1)}%`);
