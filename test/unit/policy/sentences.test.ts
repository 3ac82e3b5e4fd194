import { loadPolicyPack } from '../../../bot/src/policy/pack';
import type { PolicyPack } from '../../../bot/src/policy/pack';
import { PACK_DIR, normalise, readSource, sourceSentences } from './source-text';

// Units are kept apart so that a sentence only counts when one paragraph, item or row contains it.
const SEPARATOR = '\u241e';

function packCorpus(pack: PolicyPack): string {
  const units: string[] = [];
  for (const part of pack.parts) {
    // Each part's cover table (改訂日, 適用範囲) lives in the front matter.
    units.push(
      part.name,
      part.meta.title,
      `改訂日 ${part.meta.revised}`,
      `適用範囲 ${part.meta.scope ?? ''}`,
    );
    units.push(...part.preamble.map((l) => l.text));
  }
  for (const s of pack.sections) units.push(s.title, ...s.lines.map((l) => l.text));
  return units.map(normalise).join(SEPARATOR);
}

function lostSentences(pack: PolicyPack): { line: number; text: string }[] {
  const corpus = packCorpus(pack);
  return sourceSentences(readSource()).filter((s) => !corpus.includes(s.text));
}

describe('policy pack text', () => {
  const pack = loadPolicyPack(PACK_DIR);

  it('loses no sentence of the source', () => {
    expect(sourceSentences(readSource()).length).toBeGreaterThan(1500);
    expect(lostSentences(pack)).toEqual([]);
  });

  it('would notice a lost sentence (sanity check of the test itself)', () => {
    const section = pack.byId.get('組織的対策 5.6');
    if (!section) throw new Error('組織的対策 5.6 missing');
    const trimmed = { ...section, lines: section.lines.filter((l) => !l.text.includes('鈴を付ける')) };
    const sections = pack.sections.map((s) => (s === section ? trimmed : s));
    const lost = lostSentences({ ...pack, sections });
    expect(lost.map((s) => s.text)).toEqual([
      normalise(section.lines.find((l) => l.text.includes('鈴を付ける'))!.text.replace(/。$/, '')),
    ]);
  });
});
