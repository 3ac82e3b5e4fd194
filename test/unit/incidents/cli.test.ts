import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captionBlock, cleanupPacks, editedPack, FIXTURES, replaceOnce, report, ROOT } from './fixtures';

// `npm run triage` is `tsx scripts/triage.ts`; these tests run it the way the contract is checked.
function run(...args: string[]): { status: number | null; stdout: string[]; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'scripts/triage.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-cli-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  cleanupPacks();
});

function writeBatch(lines: string[]): string {
  const file = path.join(tmp, `batch-${fs.readdirSync(tmp).length}.jsonl`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const KEYS = ['id', 'level', 'notify', 'external', 'steps', 'citations'];
const ROLES = new Set([
  '代表取締役',
  '情報セキュリティ責任者',
  '情報セキュリティ部門責任者',
  'システム管理者',
  '教育責任者',
  'インシデント対応責任者',
  '個人情報苦情相談対応者',
  '個人情報保護管理者',
  '監査・点検/点検責任者',
]);

/** Exactly the keys and types of the contract. */
function expectContract(line: string): Record<string, unknown> {
  const o = JSON.parse(line) as Record<string, unknown>;
  expect(Object.keys(o)).toEqual(KEYS);
  expect(['string', 'number']).toContain(typeof o.id);
  expect([0, 1, 2, 3]).toContain(o.level);
  for (const key of ['notify', 'external', 'steps', 'citations']) expect(Array.isArray(o[key])).toBe(true);
  for (const r of o.notify as unknown[]) expect(ROLES.has(r as string)).toBe(true);
  for (const e of o.external as unknown[]) expect(['個人情報保護委員会', '警察', 'IPA']).toContain(e);
  expect((o.steps as unknown[]).length).toBeGreaterThan(0);
  for (const s of o.steps as unknown[]) expect(typeof s === 'string' && s.length > 0).toBe(true);
  expect((o.citations as unknown[]).length).toBeGreaterThan(0);
  for (const c of o.citations as Record<string, unknown>[]) {
    expect(Object.keys(c)).toEqual(['part', 'section']);
    expect(typeof c.part).toBe('string');
    expect(c.section).toMatch(/^\d+(\.\d+)*$/);
  }
  return o;
}

describe('scripts/triage.ts (the routing contract)', () => {
  it('--batch: one line per report, in order, with exactly the contract keys', () => {
    const input = fs.readFileSync(path.join(FIXTURES, 'reports.jsonl'), 'utf8').split('\n').filter(Boolean);
    const r = run('--batch', writeBatch([...input, '', JSON.stringify(report({ id: 42 }))]));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout.map(expectContract);
    const ids = input.map((l) => (JSON.parse(l) as { id: string }).id);
    expect(out.map((o) => o.id)).toEqual([...ids, 42]);
    expect(out[0]).toMatchObject({
      id: 'leak-customers',
      level: 3,
      notify: ['インシデント対応責任者', '代表取締役'],
    });
  });

  it('a bad line is an error on stderr and exit 2; the other lines are still triaged', () => {
    const good = JSON.stringify(report({ id: 'ok', category: 'ウイルス感染', impact: 'business' }));
    const r = run(
      '--batch',
      writeBatch([
        good,
        JSON.stringify({ ...report({ id: 'bad' }), impact: 'customers' }),
        '{not json',
        JSON.stringify({ ...report({ id: 'count' }), personalDataCount: -1 }),
        good.replace('"ok"', '"ok2"'),
      ]),
    );
    expect(r.status).toBe(2);
    expect(r.stdout.map((l) => expectContract(l).id)).toEqual(['ok', 'ok2']);
    const errors = r.stderr
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(errors).toEqual([
      { line: 2, id: 'bad', error: 'invalid-report', issues: [expect.objectContaining({ path: 'impact' })] },
      { line: 3, id: null, error: 'invalid-json', issues: [expect.objectContaining({ path: '' })] },
      {
        line: 4,
        id: 'count',
        error: 'invalid-report',
        issues: [expect.objectContaining({ path: 'personalDataCount' })],
      },
    ]);
  });

  it('--json: one report; --pack: an edited pack changes the steps', () => {
    const dir = editedPack((md) =>
      replaceOnce(
        md,
        '3 システム管理者は社内関係者に周知する。',
        '3 システム管理者は社内関係者に速やかに周知する。',
      ),
    );
    const json = JSON.stringify(report({ id: 'one', category: '漏えい・流出' }));
    const r = run('--json', json, '--pack', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(1);
    const o = expectContract(r.stdout[0] ?? '');
    expect(o).toMatchObject({ id: 'one', level: 2 });
    expect(o.steps).toEqual([
      '発見者は発見次第、システム管理者に報告する。',
      'システム管理者は漏えい先を調査し、インシデント対応責任者に報告する。',
      'システム管理者は社内関係者に速やかに周知する。',
    ]);
  });

  it('a pack without the 9.4 table: exit 1 naming the section, before any report', () => {
    const dir = editedPack((md) => md.replace(captionBlock(md, '＜漏えい・流出発生時の対応＞'), ''));
    const r = run('--json', JSON.stringify(report()), '--pack', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toContain('組織的対策 9.4');
    expect(r.stderr).toContain('[missing-table]');
  });

  it('usage errors exit 2', () => {
    const r = run('--batch');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: triage');
  });
});
