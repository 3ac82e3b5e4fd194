import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function ask(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['scripts/ask.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonAnswer {
  id?: unknown;
  question: string;
  abstained: boolean;
  answer: string;
  citations: { part: string; section: string; title: string; score: number }[];
}

function expectShape(a: JsonAnswer): void {
  expect(Object.keys(a).filter((k) => k !== 'id')).toEqual(['question', 'abstained', 'answer', 'citations']);
  expect(typeof a.question).toBe('string');
  expect(typeof a.abstained).toBe('boolean');
  expect(typeof a.answer).toBe('string');
  expect(a.citations.length).toBeLessThanOrEqual(3);
  for (const c of a.citations) {
    expect(Object.keys(c)).toEqual(['part', 'section', 'title', 'score']);
    expect(c.section).toMatch(/^\d+(\.\d+)*$/);
    expect(typeof c.score).toBe('number');
  }
  if (a.abstained) expect(a.citations).toEqual([]);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ask-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('scripts/ask.ts (the answer-quality contract)', () => {
  it('prints the answer as text', () => {
    const r = ask('社外秘の資料を持ち出すときは誰の許可が必要？');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('（組織的対策 5.6 情報資産の社外持ち出し）');
  });

  it('--json prints one object with the citation parts, best first', () => {
    const r = ask('--json', '社外秘の資料を持ち出すときは誰の許可が必要？');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as JsonAnswer;
    expectShape(a);
    expect(a).toMatchObject({ question: '社外秘の資料を持ち出すときは誰の許可が必要？', abstained: false });
    expect(a.citations[0]).toMatchObject({
      part: '組織的対策',
      section: '5.6',
      title: '情報資産の社外持ち出し',
    });
    const scores = a.citations.map((c) => c.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('--batch answers each JSONL line with its id, in order', () => {
    const file = path.join(tmp, 'in.jsonl');
    const lines = [
      { id: 'q1', question: 'How often do we have to review the vulnerability management procedure?' },
      { id: 2, question: '今年の忘年会の会費っていくら？' },
      { id: 'q3', question: '' },
    ];
    fs.writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\n`);
    const r = ask('--batch', file);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JsonAnswer);
    expect(out.map((a) => a.id)).toEqual(['q1', 2, 'q3']);
    out.forEach(expectShape);
    expect(out[0]?.citations[0]).toMatchObject({ part: '技術的対策', section: '6.6.8' });
    expect(out[1]).toMatchObject({ abstained: true, citations: [] });
    expect(out[2]).toMatchObject({ abstained: true, citations: [] });
  });

  it('exits non-zero with a clear message on bad input', () => {
    const bad = path.join(tmp, 'bad.jsonl');
    fs.writeFileSync(bad, '{"id":"a","question":"ok"}\n{"question": 3}\n');
    const r = ask('--batch', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.jsonl:2');
    expect(r.stdout).toBe('');
    expect(ask().status).toBe(2);
    expect(ask('--frobnicate', 'x').stderr).toContain('unknown option --frobnicate');
    expect(ask('--batch', path.join(tmp, 'missing.jsonl')).stderr).toContain('cannot read');
  });
});
