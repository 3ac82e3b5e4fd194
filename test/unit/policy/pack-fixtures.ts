import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const roots: string[] = [];

/** Writes a throw-away pack directory; `cleanupPacks` removes all of them. */
export function writePack(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-pack-'));
  roots.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

export function cleanupPacks(): void {
  for (const dir of roots.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Front matter lines for a fixture file; an `undefined` field is left out. */
export function frontMatter(part: string, extra: Record<string, string | undefined> = {}): string {
  const fields: Record<string, string | undefined> = {
    title: 'テスト規程',
    part,
    attribution: 'IPA「情報セキュリティ関連規程（サンプル）」を基に作成',
    revised: '2025.04.01',
    ...extra,
  };
  const lines = Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return ['---', ...lines, '---', ''].join('\n');
}
