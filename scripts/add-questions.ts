// add-questions — append the questions of evaluation sets to the policy pack's questions.jsonl, each with
// the sections that answer it (its `gold`; none for a question the policy does not answer), so the
// search compares new questions with them (bot/src/policy/search/examples.ts).
//   npm run pack:questions -- FILE.jsonl [FILE.jsonl ...] [--pack DIR]
// Input lines are in the evaluation format (../shared/eval/README.md): id, question, gold. A question
// whose id is already in questions.jsonl is skipped, so adding a set twice changes nothing. Never add
// a set you measure the search on: a question is nearest to itself. bench/fit-confidence.ts leaves
// out the questions that are in questions.jsonl.
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readEvalSet } from '../bench/qa-metrics';
import { loadPolicyPack } from '../bot/src/policy/pack';
import {
  loadAskedQuestions,
  QUESTIONS_FILE,
  sectionIssue,
  type AskedQuestion,
} from '../bot/src/policy/search';
import { projectRoot } from '../bot/src/shared/project-root';

const USAGE = 'usage: add-questions FILE.jsonl [FILE.jsonl ...] [--pack DIR]';

function main(argv: string[]): number {
  const packAt = argv.indexOf('--pack');
  const packDir = packAt >= 0 ? argv[packAt + 1] : path.join(projectRoot(), 'bot', 'policy-pack');
  const files = argv.filter((a, i) => a !== '--pack' && (packAt < 0 || i !== packAt + 1));
  if (!packDir || files.length === 0 || files.some((f) => f.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  const pack = loadPolicyPack(packDir);
  const target = path.join(packDir, QUESTIONS_FILE);
  const existing = existsSync(target) ? loadAskedQuestions(target) : [];
  const ids = new Set(existing.flatMap((q) => (q.id ? [q.id] : [])));

  const added: AskedQuestion[] = [];
  const problems: string[] = [];
  for (const file of files)
    for (const item of readEvalSet(file)) {
      if (ids.has(item.id)) continue;
      // The search's own check: a question it would refuse when built is not written.
      const issues = item.gold.flatMap((id) => {
        const issue = sectionIssue(pack, id);
        return issue ? [`${file}: ${item.id}: ${issue}: ${id}`] : [];
      });
      if (issues.length > 0) {
        problems.push(...issues);
        continue;
      }
      ids.add(item.id);
      added.push({ id: item.id, question: item.question, sections: item.gold });
    }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error('nothing added');
    return 1;
  }
  if (added.length > 0) appendFileSync(target, added.map((q) => JSON.stringify(q)).join('\n') + '\n', 'utf8');
  const unanswered = added.filter((q) => q.sections.length === 0).length;
  console.log(
    `${target}: added ${added.length} questions (${unanswered} the policy does not answer); ${existing.length + added.length} in all`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
