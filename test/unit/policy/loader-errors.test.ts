import * as path from 'node:path';
import { loadPolicyPack, PolicyPackError } from '../../../bot/src/policy/pack';
import type { PolicyPackErrorReason } from '../../../bot/src/policy/pack';
import { cleanupPacks, frontMatter, writePack } from './pack-fixtures';

afterAll(cleanupPacks);

const org = frontMatter('組織的対策');

interface Case {
  name: string;
  files: Record<string, string>;
  reason: PolicyPackErrorReason;
  file: string;
  line: number;
}

// Fixture bodies start at file line 7 (six lines of front matter); the expected lines count from there.
const cases: Case[] = [
  {
    name: 'duplicate section number',
    files: { 'a.md': `${org}# 組織的対策\n\n## 1 組織\n\n本文。\n\n## 1 組織（重複）\n` },
    reason: 'duplicate-number',
    file: 'a.md',
    line: 13,
  },
  {
    name: 'numbered heading before the part heading',
    files: { 'a.md': `${org}## 1 組織\n\n# 組織的対策\n` },
    reason: 'heading-outside-part',
    file: 'a.md',
    line: 7,
  },
  {
    name: 'text before the part heading',
    files: { 'a.md': `${org}\n前書き。\n\n# 組織的対策\n` },
    reason: 'content-outside-part',
    file: 'a.md',
    line: 8,
  },
  {
    name: 'number whose parent is missing',
    files: { 'a.md': `${org}# 組織的対策\n\n## 1 組織\n\n### 2.1 細目\n` },
    reason: 'missing-parent',
    file: 'a.md',
    line: 11,
  },
  {
    name: 'table row with the wrong number of cells',
    files: { 'a.md': `${org}# 組織的対策\n\n## 1 組織\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 |\n` },
    reason: 'malformed-table',
    file: 'a.md',
    line: 14,
  },
  {
    name: 'table without a delimiter line',
    files: { 'a.md': `${org}# 組織的対策\n\n## 1 組織\n\n| a | b |\n| 1 | 2 |\n` },
    reason: 'malformed-table',
    file: 'a.md',
    line: 12,
  },
  {
    name: 'missing front matter',
    files: { 'a.md': `${org}# 組織的対策\n`, 'b.md': '# 人的対策\n\n## 1 雇用条件\n' },
    reason: 'missing-front-matter',
    file: 'b.md',
    line: 1,
  },
  {
    name: 'front matter that is never closed',
    files: { 'a.md': '---\ntitle: x\n# 組織的対策\n' },
    reason: 'missing-front-matter',
    file: 'a.md',
    line: 1,
  },
  {
    name: 'front matter without the IPA attribution',
    files: { 'a.md': `${frontMatter('組織的対策', { attribution: '自社作成' })}# 組織的対策\n` },
    reason: 'invalid-front-matter',
    file: 'a.md',
    line: 4,
  },
  {
    name: 'front matter with a revision that is not a date',
    files: { 'a.md': `${frontMatter('組織的対策', { revised: 'soon' })}# 組織的対策\n` },
    reason: 'invalid-front-matter',
    file: 'a.md',
    line: 5,
  },
  {
    name: 'front matter without a title',
    files: { 'a.md': `${frontMatter('組織的対策', { title: undefined })}# 組織的対策\n` },
    reason: 'invalid-front-matter',
    file: 'a.md',
    line: 1,
  },
  {
    name: 'front matter that is not YAML',
    files: { 'a.md': '---\ntitle: [unclosed\n---\n# 組織的対策\n' },
    reason: 'invalid-front-matter',
    file: 'a.md',
    line: 2,
  },
  {
    name: 'heading with the trailing dot of the source',
    files: { 'a.md': `${org}# 組織的対策\n\n## 5 管理\n\n### 5.6. 情報資産の社外持ち出し\n` },
    reason: 'malformed-heading',
    file: 'a.md',
    line: 11,
  },
  {
    name: 'heading level that does not match the number',
    files: { 'a.md': `${org}# 組織的対策\n\n## 5 管理\n\n## 5.6 情報資産の社外持ち出し\n` },
    reason: 'malformed-heading',
    file: 'a.md',
    line: 11,
  },
  {
    name: 'part heading that disagrees with the front matter',
    files: { 'a.md': `${org}# 人的対策\n` },
    reason: 'part-mismatch',
    file: 'a.md',
    line: 7,
  },
  {
    name: 'file without a part heading',
    files: { 'a.md': `${org}\n` },
    reason: 'part-mismatch',
    file: 'a.md',
    line: 7,
  },
  {
    name: 'the same part in two files',
    files: { 'a.md': `${org}# 組織的対策\n`, 'b.md': `${org}\n# 組織的対策\n` },
    reason: 'duplicate-part',
    file: 'b.md',
    line: 8,
  },
  {
    name: 'two parts in one file',
    files: { 'a.md': `${org}# 組織的対策\n\n# 人的対策\n` },
    reason: 'duplicate-part',
    file: 'a.md',
    line: 9,
  },
  {
    name: 'unclosed code fence',
    files: { 'a.md': `${org}# 組織的対策\n\n## 1 組織\n\n\`\`\`text\n図\n` },
    reason: 'unclosed-block',
    file: 'a.md',
    line: 11,
  },
];

function loadError(dir: string): PolicyPackError {
  try {
    loadPolicyPack(dir);
  } catch (e) {
    if (e instanceof PolicyPackError) return e;
    throw e;
  }
  throw new Error(`${dir} loaded without an error`);
}

describe('loadPolicyPack rejects an invalid pack', () => {
  it.each(cases)('$name', ({ files, reason, file, line }) => {
    const dir = writePack(files);
    const error = loadError(dir);
    expect({ reason: error.reason, file: error.file, line: error.line }).toEqual({
      reason,
      file: path.join(dir, file),
      line,
    });
    expect(error.message).toContain(`${path.join(dir, file)}:${line}: `);
  });

  it('reports an empty pack directory', () => {
    const dir = writePack({ 'README.md': '# only docs\n' });
    expect(loadError(dir)).toMatchObject({ reason: 'empty-pack', file: dir, line: 0 });
  });
});
