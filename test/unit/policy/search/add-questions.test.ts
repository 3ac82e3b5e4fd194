import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAskedQuestions } from '../../../../bot/src/policy/search';

const ROOT = path.resolve(__dirname, '../../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PACK = path.join(ROOT, 'bot/policy-pack');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'add-questions-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the pack's policy text, without questions.jsonl. */
function packCopy(): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'pack-'));
  for (const f of fs.readdirSync(PACK).filter((f) => f.endsWith('.md')))
    fs.copyFileSync(path.join(PACK, f), path.join(dir, f));
  return dir;
}

function add(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['scripts/add-questions.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function evalSet(name: string, items: object[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  return file;
}

describe('scripts/add-questions.ts', () => {
  it('appends an evaluation set once, with its gold sections, and none for an out-of-scope question', () => {
    const pack = packCopy();
    const set = evalSet('a.jsonl', [
      { id: 'a-1', question: 'USBメモリで持ち出していい？', gold: ['組織的対策 5.6'], kind: 'paraphrase' },
      { id: 'a-2', question: '社員食堂は何時から？', gold: [], kind: 'out_of_scope' },
    ]);
    const first = add(set, '--pack', pack);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('added 2 questions (1 the policy does not answer)');
    const again = add(set, '--pack', pack);
    expect(again.stdout).toContain('added 0 questions');
    const file = fs.readFileSync(path.join(pack, 'questions.jsonl'), 'utf8');
    expect(parseAskedQuestions(file)).toEqual([
      { id: 'a-1', question: 'USBメモリで持ち出していい？', sections: ['組織的対策 5.6'] },
      { id: 'a-2', question: '社員食堂は何時から？', sections: [] },
    ]);
  });

  it('adds nothing when a gold section is not in the pack, and says which', () => {
    const pack = packCopy();
    const set = evalSet('b.jsonl', [
      { id: 'b-1', question: 'USBメモリで持ち出していい？', gold: ['組織的対策 5.6'], kind: 'paraphrase' },
      { id: 'b-2', question: '何か', gold: ['組織的対策 99.9'], kind: 'lookup' },
      // A heading without text: the search would refuse it when built, so it is not written either.
      { id: 'b-3', question: '何か', gold: ['人的対策 6.2'], kind: 'lookup' },
    ]);
    const r = add(set, '--pack', pack);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('b-2: no such section in the policy pack: 組織的対策 99.9');
    expect(r.stderr).toContain('b-3: no text of its own: name one of its sub-sections: 人的対策 6.2');
    expect(fs.existsSync(path.join(pack, 'questions.jsonl'))).toBe(false);
  });

  it('explains its usage when no file is given', () => {
    const r = add();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: add-questions');
  });
});
