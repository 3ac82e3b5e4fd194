import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { PolicyPackError } from './errors';
import type { PolicyPartMeta } from './types';

/** A real date (`2025.04.01`, `2025-04-01`) or the sample's `20yy.mm.dd` placeholder. */
const REVISED = /^(?:\d{4}|20yy)([./-])(?:\d{1,2}|mm)\1(?:\d{1,2}|dd)$/;

const text = z.string().trim().min(1);

export const partMetaSchema = z.object({
  title: text,
  part: text,
  // IPA's terms of use ask derived documents to credit the source, so a pack without it is refused.
  attribution: text.refine((s) => /IPA|情報処理推進機構/.test(s), {
    message: 'must credit IPA (情報処理推進機構)',
  }),
  source: text.optional(),
  revised: z.string().regex(REVISED, { message: 'expected a date such as 2025.04.01 (or 20yy.mm.dd)' }),
  scope: text.optional(),
});

export interface SplitFile {
  meta: PolicyPartMeta;
  /** Lines after the closing `---`. */
  body: string[];
  /** 1-based file line of `body[0]`. */
  bodyStart: number;
}

/** Separates and validates the YAML front matter of a pack file. */
export function splitFrontMatter(content: string, file: string): SplitFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    throw new PolicyPackError('missing-front-matter', file, 1, 'expected front matter starting with ---');
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0)
    throw new PolicyPackError('missing-front-matter', file, 1, 'front matter is not closed by ---');
  const yamlLines = lines.slice(1, end);

  let data: unknown;
  try {
    data = parse(yamlLines.join('\n'));
  } catch (e) {
    if (!(e instanceof YAMLParseError)) throw e;
    const line = 1 + (e.linePos?.[0].line ?? 0);
    throw new PolicyPackError('invalid-front-matter', file, line, `front matter is not valid YAML`);
  }
  if (data === null || data === undefined) {
    throw new PolicyPackError('missing-front-matter', file, 1, 'front matter is empty');
  }

  const result = partMetaSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const at = yamlLines.findIndex((l) => key !== '' && l.startsWith(`${key}:`));
    const detail = key
      ? `front matter ${key}: ${issue?.message ?? 'invalid'}`
      : 'front matter is not a mapping';
    throw new PolicyPackError('invalid-front-matter', file, at < 0 ? 1 : at + 2, detail);
  }
  return { meta: result.data, body: lines.slice(end + 1), bodyStart: end + 2 };
}
