import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  loadGlossary,
  loadKeywords,
  loadThesaurus,
  loadUnanswered,
  loadVocabulary,
  parseGlossary,
  parseKeywords,
  parseThesaurus,
  parseUnanswered,
  VocabularyError,
} from '../../../../bot/src/policy/search';
import { PACK_DIR } from '../source-text';
import { errorOf } from './vocabulary-error';

describe('thesaurus and glossary files', () => {
  it('parses a valid thesaurus', () => {
    const t = parseThesaurus('ignore: [大丈夫]\nentries:\n  - { from: [なくした], to: [紛失] }\n');
    expect(t.ignore).toEqual(['大丈夫']);
    expect(t.entries).toEqual([{ from: ['なくした'], to: ['紛失'] }]);
  });

  it('names the entry (index and first phrase) of every mistake', () => {
    const err = errorOf(() =>
      parseThesaurus(
        'entries:\n  - { from: [捨てる], to: [廃棄] }\n  - { from: [なくした], to: [] }\n  - { from: [], to: [x] }\n',
        'thesaurus.yaml',
      ),
    );
    expect(err.message).toContain('thesaurus.yaml');
    expect(err.issues.some((i) => i.startsWith('entries[1] (from: なくした).to'))).toBe(true);
    expect(err.issues.some((i) => i.startsWith('entries[2].from'))).toBe(true);
  });

  it('rejects unknown keys and invalid YAML with the file named', () => {
    const unknown = errorOf(() =>
      parseGlossary('entries:\n  - { en: [lost], ja: [紛失], jp: [x] }\n', 'glossary-en.yaml'),
    );
    expect(unknown.issues[0]).toMatch(/^entries\[0\] \(en: lost\)/);
    const broken = errorOf(() => parseGlossary('entries: [\n', 'glossary-en.yaml'));
    expect(broken.message).toContain('glossary-en.yaml');
    expect(broken.issues[0]).toContain('not valid YAML');
  });

  it('reports an unreadable file', () => {
    const missing = path.join(os.tmpdir(), 'no-such-thesaurus.yaml');
    expect(() => loadThesaurus(missing)).toThrow(VocabularyError);
  });

  it('loads the pack vocabulary: hundreds of entries, phrases non-empty', () => {
    const thesaurus = loadThesaurus(path.join(PACK_DIR, 'thesaurus.yaml'));
    const glossary = loadGlossary(path.join(PACK_DIR, 'glossary-en.yaml'));
    expect(thesaurus.entries.length).toBeGreaterThanOrEqual(250);
    expect(glossary.entries.length).toBeGreaterThanOrEqual(250);
    expect(glossary.stopwords).toContain('the');
    const fromWords = thesaurus.entries.flatMap((e) => e.from);
    expect(fromWords).toEqual(expect.arrayContaining(['私物', 'なくし', '捨て', '怪しいメール']));
    const enWords = glossary.entries.flatMap((e) => e.en);
    expect(enWords).toEqual(expect.arrayContaining(['password', 'lost', 'laptop', 'take out']));
  });

  it('treats a pack without vocabulary files as having an empty vocabulary', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vocab-'));
    try {
      expect(loadVocabulary(dir)).toEqual({
        thesaurus: { ignore: [], scopes: [], entries: [] },
        glossary: { stopwords: [], entries: [] },
        keywords: {},
        unanswered: { questions: [] },
        questions: [],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses section keywords and names a key that is not a section id', () => {
    expect(
      parseKeywords('物理的対策 6.3:\n  ja: [裏紙]\n  en: [scrap paper]\n人的対策 1:\n  ja: [新入社員]\n'),
    ).toEqual({
      '物理的対策 6.3': { ja: ['裏紙'], en: ['scrap paper'], asked: [] },
      '人的対策 1': { ja: ['新入社員'], en: [], asked: [] },
    });
    const err = errorOf(() =>
      parseKeywords('物理的対策 6.3.:\n  ja: [裏紙]\n5.6:\n  en: [x]\n', 'keywords.yaml'),
    );
    expect(err.message).toContain('keywords.yaml');
    expect(err.issues).toHaveLength(2);
    expect(err.issues.join('\n')).toContain('not a section id');
  });

  it('loads keywords for most sections of the pack, Japanese and English', () => {
    const keywords = loadKeywords(path.join(PACK_DIR, 'keywords.yaml'));
    const sections = Object.keys(keywords);
    expect(sections.length).toBeGreaterThanOrEqual(120);
    expect(sections).toEqual(
      expect.arrayContaining(['組織的対策 5.6', '物理的対策 6.3', '技術的対策 2.3.4']),
    );
    for (const id of sections) {
      expect(keywords[id]?.ja.length ?? 0).toBeGreaterThan(0);
      expect(keywords[id]?.asked.length ?? 0).toBeGreaterThanOrEqual(8);
      expect(keywords[id]?.trade?.length ?? 0).toBeGreaterThanOrEqual(6);
    }
  });

  it('parses questions the policy does not answer, and names an empty one', () => {
    expect(parseUnanswered('questions:\n  - 忘年会の会費っていくら？\n  - Is there a dress code?\n')).toEqual(
      {
        questions: ['忘年会の会費っていくら？', 'Is there a dress code?'],
      },
    );
    const err = errorOf(() => parseUnanswered('questions:\n  - ok\n  - "  "\n', 'unanswered.yaml'));
    expect(err.message).toContain('unanswered.yaml');
    expect(err.issues.join('\n')).toContain('questions.1');
    expect(errorOf(() => parseUnanswered('question: [x]\n')).issues.join('\n')).toMatch(/question/);
  });

  it('loads the unanswered questions of the pack, Japanese and English', () => {
    const { questions } = loadUnanswered(path.join(PACK_DIR, 'unanswered.yaml'));
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.some((q) => /^[\x20-\x7e]+$/.test(q))).toBe(true);
    expect(new Set(questions).size).toBe(questions.length);
  });
});
