import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertPolicySource } from '../../../scripts/convert-policy-pack';
import { loadPolicyPack } from '../../../bot/src/policy/pack';
import { PACK_DIR, PART_NAMES, readSource, sourceHeadings } from './source-text';

describe('policy pack conversion', () => {
  const source = readSource();
  const pack = loadPolicyPack(PACK_DIR);
  const { parts, headings } = sourceHeadings(source);

  it('finds the four parts in the source (sanity check of the test itself)', () => {
    expect(parts).toEqual(PART_NAMES);
    expect(headings.length).toBeGreaterThan(150);
  });

  it('has all four parts, in the source order', () => {
    expect(pack.parts.map((p) => p.name)).toEqual(PART_NAMES);
    expect(pack.meta.parts).toEqual(PART_NAMES);
  });

  it('has every numbered heading of the source with the same number and title', () => {
    const missing = headings.filter((h) => pack.byId.get(h.id)?.title !== h.title);
    expect(missing).toEqual([]);
  });

  it('has no section that is not a heading of the source (procedure steps stay text)', () => {
    const expected = new Set(headings.map((h) => h.id));
    expect(pack.sections.map((s) => s.id).filter((id) => !expected.has(id))).toEqual([]);
    expect(pack.sections).toHaveLength(headings.length);
  });

  it('writes each heading as "<number> <title>" without the trailing dot of the source', () => {
    const lines = new Map<string, string[]>();
    for (const s of pack.sections) {
      const fileLines = lines.get(s.file) ?? fs.readFileSync(s.file, 'utf8').split('\n');
      lines.set(s.file, fileLines);
      expect(fileLines[s.line - 1]).toBe(
        `${'#'.repeat(s.number.split('.').length + 1)} ${s.number} ${s.title}`,
      );
    }
    expect(pack.byId.get('組織的対策 5.6')?.title).toBe('情報資産の社外持ち出し');
    expect(pack.byId.get('物理的対策 6')?.title).toBe('廃棄・返却・譲渡');
  });

  it('keeps the committed pack identical to what the script produces', () => {
    const files = convertPolicySource(source, pack.meta.source ?? path.basename(source));
    for (const [name, content] of files) {
      expect(`${name}\n${fs.readFileSync(path.join(PACK_DIR, name), 'utf8')}`).toBe(`${name}\n${content}`);
    }
    expect(convertPolicySource(source, 'x.txt')).toEqual(convertPolicySource(source, 'x.txt'));
  });
});
