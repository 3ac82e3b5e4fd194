import path from 'node:path';
import {
  buildPolicySearch,
  loadVocabulary,
  parseAskedQuestions,
  QUESTIONS_FILE,
  type AskedQuestion,
} from '../../../../bot/src/policy/search';
import { loadPolicyPack } from '../../../../bot/src/policy/pack';
import { DEFAULT_SCORE_PARAMS } from '../../../../bot/src/policy/search/params';
import { PACK_DIR } from '../source-text';
import { errorOf } from './vocabulary-error';

describe('questions.jsonl', () => {
  it('reads one question a line with the sections that answer it, none for one the policy does not', () => {
    const questions = parseAskedQuestions(
      [
        '{"id":"t-1","question":"USBメモリで持ち出していい？","sections":["組織的対策 5.6"]}',
        '',
        '{"question":"社員食堂は何時から？","sections":[]}',
      ].join('\n'),
    );
    expect(questions).toEqual([
      { id: 't-1', question: 'USBメモリで持ち出していい？', sections: ['組織的対策 5.6'] },
      { question: '社員食堂は何時から？', sections: [] },
    ]);
  });

  it('names the file and the line of an invalid entry', () => {
    const err = errorOf(() =>
      parseAskedQuestions(
        [
          '{"question":"ok","sections":[]}',
          '{"question":"ok", "sections": ["5.6"]}',
          'not json',
          '{"question":"  ","sections":[]}',
        ].join('\n'),
        'questions.jsonl',
      ),
    );
    expect(err.message).toContain('questions.jsonl');
    expect(err.issues).toEqual([
      expect.stringMatching(/^line 2: sections\.0: not a section id/),
      'line 3: not valid JSON',
      expect.stringMatching(/^line 4: question: /),
    ]);
  });

  it('refuses a question answered by a section the pack does not have', () => {
    const pack = loadPolicyPack(PACK_DIR);
    const vocabulary = loadVocabulary(PACK_DIR);
    const err = errorOf(() =>
      buildPolicySearch(pack, {
        ...vocabulary,
        questions: [
          { id: 'x-9', question: '質問', sections: ['組織的対策 99.9'] },
          // Only the heading of 6.2.1–6.2.3: no text of its own, so no document to file it under.
          { id: 'x-10', question: '質問', sections: ['人的対策 6.2'] },
        ],
      }),
    );
    expect(err.file).toBe('questions.jsonl');
    expect(err.issues).toEqual([
      'x-9: 組織的対策 99.9: no such section in the policy pack',
      'x-10: 人的対策 6.2: no text of its own: name one of its sub-sections',
    ]);
  });

  describe('on the default pack', () => {
    const pack = loadPolicyPack(PACK_DIR);
    const vocabulary = loadVocabulary(PACK_DIR);
    const all = vocabulary.questions ?? [];
    const searchWith = (questions: AskedQuestion[]) => buildPolicySearch(pack, { ...vocabulary, questions });

    it('holds thousands of questions, Japanese and English, some the policy does not answer', () => {
      expect(path.basename(QUESTIONS_FILE)).toBe('questions.jsonl');
      expect(all.length).toBeGreaterThan(5000);
      expect(all.filter((q) => q.sections.length === 0).length).toBeGreaterThan(500);
      expect(all.some((q) => /^[\x20-\x7e’]+$/.test(q.question))).toBe(true);
    });

    it('finds the section of an answered question put the same way', () => {
      const question = '家で仕事してると子どもがパソコン触りたがるんだよね、どうすればいい？';
      const others = all.filter((q) => !q.sections.includes('人的対策 6.4.3'));
      const without = searchWith(others).search(question);
      const withIt = searchWith([
        ...others,
        {
          question: '家で仕事してると、子どもがパソコンを触りたがる。どうすればいい？',
          sections: ['人的対策 6.4.3'],
        },
      ]).search(question);
      expect(without.hits[0]?.section.id).not.toBe('人的対策 6.4.3');
      expect(withIt.hits[0]?.section.id).toBe('人的対策 6.4.3');
    });

    it('shows the section of the closest asked question among the first three, though the ranking has it far below', () => {
      const question = 'USBメモリで極秘データを持ち出すには？';
      // An answered question put the same way, filed under a section about something else.
      const questions = [...all, { question, sections: ['組織的対策 9.9'] }];
      const ids = (params = DEFAULT_SCORE_PARAMS) =>
        buildPolicySearch(pack, { ...vocabulary, questions }, { params })
          .search(question)
          .hits.map((h) => h.section.id);
      expect(ids().slice(0, 3)).toEqual(['組織的対策 5.6', expect.any(String), '組織的対策 9.9']);
      expect(ids({ ...DEFAULT_SCORE_PARAMS, nearestAmong: 0 })).not.toContain('組織的対策 9.9');
    });

    it('trusts a question put like one the policy does not answer less, down to abstaining', () => {
      const question = '会議室のプロジェクターの予約はどのシステムでするの？';
      const answered = all.filter((q) => q.sections.length > 0);
      const without = searchWith(answered).search(question);
      const withIt = searchWith([
        ...answered,
        { question: '会議室のプロジェクターって、どのシステムで予約するの？', sections: [] },
      ]).search(question);
      expect(withIt.confidence).toBeLessThan(without.confidence / 2);
      expect(withIt.abstained).toBe(true);
    });
  });
});
