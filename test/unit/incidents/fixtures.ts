import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncidentContext, TriageInput } from '../../../bot/src/incidents';
import { loadCompanyProfile } from '../../../bot/src/policy/company-profile';
import { loadPolicyPack } from '../../../bot/src/policy/pack';

export const ROOT = path.resolve(__dirname, '../../..');
export const PACK_DIR = path.join(ROOT, 'bot/policy-pack');
export const PROFILE_FILE = path.join(PACK_DIR, 'company-profile.example.yaml');
export const FIXTURES = path.join(ROOT, 'test/fixtures/incidents');
const ORGANIZATIONAL_FILE = '1-organizational.md';

let real: IncidentContext | undefined;

/** The shipped policy pack and the example company profile, loaded once per test file. */
export function realContext(): IncidentContext {
  real ??= { pack: loadPolicyPack(PACK_DIR), profile: loadCompanyProfile(PROFILE_FILE) };
  return real;
}

/** A report with nothing special about it; override what the test is about. */
export function report(overrides: Partial<TriageInput> = {}): TriageInput {
  return {
    id: 'r1',
    category: 'その他',
    impact: 'none',
    personalData: 'no',
    personalDataCount: null,
    specificPersonalInfo: false,
    unauthorizedAccess: false,
    ...overrides,
  };
}

const dirs: string[] = [];

/** `text` with `from` replaced; fails if `from` is missing, so a fixture never silently stops editing. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`fixture edit: ${String(from)} not found in the pack`);
  return text.replace(from, to);
}

/** A copy of the shipped pack with 組織的対策 edited by `edit`; removed by `cleanupPacks`. */
export function editedPack(edit: (organizational: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-pack-'));
  dirs.push(dir);
  fs.cpSync(PACK_DIR, dir, { recursive: true });
  const file = path.join(dir, ORGANIZATIONAL_FILE);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}

export function cleanupPacks(): void {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The lines of 9.4 from a caption (`＜漏えい・流出発生時の対応＞`) up to the next caption. */
export function captionBlock(organizational: string, caption: string): string {
  const start = organizational.indexOf(caption);
  if (start < 0) throw new Error(`fixture edit: ${caption} not found in the pack`);
  const next = organizational.indexOf('＜', start + caption.length);
  return organizational.slice(start, next < 0 ? undefined : next);
}
