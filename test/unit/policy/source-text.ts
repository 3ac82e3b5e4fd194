// Reads the IPA source independently of the converter, so the tests check the pack against the
// source rather than against the converter's own idea of it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SOURCE_PATH =
  process.env.POLICY_SOURCE ??
  path.resolve(__dirname, '../../../../shared/policy-source/000_edeb4e3c41ced508.txt');
export const PACK_DIR = path.resolve(__dirname, '../../../bot/policy-pack');
export const PART_NAMES = ['組織的対策', '人的対策', '物理的対策', '技術的対策'];

export function readSource(): string {
  if (!fs.existsSync(SOURCE_PATH)) {
    throw new Error(`policy source not found at ${SOURCE_PATH}; set POLICY_SOURCE to its path`);
  }
  return fs.readFileSync(SOURCE_PATH, 'utf8');
}

export interface SourceHeading {
  id: string;
  number: string;
  title: string;
  line: number;
}

const BOOKMARK = /\[bookmark:[^\]]*\]/g;

/**
 * Headings are the lines with a `_Toc` bookmark (parts and numbered sections) plus unbookmarked
 * numbers of three or more levels (`6.2.2 多要素認証`). Single numbers without a bookmark
 * (`1 発見者は…`, `1. 障害…`) are procedure steps and never headings.
 */
export function isSourceHeading(raw: string): boolean {
  const text = raw.replace(BOOKMARK, '').trim();
  return raw.includes('[bookmark: _Toc') || /^\d+\.\d+\.\d+(?:\.\d+)*\.?\s+\S/.test(text);
}

export function sourceHeadings(source: string): { parts: string[]; headings: SourceHeading[] } {
  const parts: string[] = [];
  const headings: SourceHeading[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    if (!isSourceHeading(raw)) return;
    const text = raw.replace(BOOKMARK, '').trim();
    if (PART_NAMES.includes(text)) {
      parts.push(text);
      return;
    }
    const m = /^(\d+(?:\.\d+)*)\.?\s*(\S.*)$/.exec(text);
    const part = parts[parts.length - 1];
    if (!m?.[1] || !m[2] || !part) throw new Error(`unrecognised heading at source line ${i + 1}: ${raw}`);
    headings.push({ id: `${part} ${m[1]}`, number: m[1], title: m[2].trim(), line: i + 1 });
  });
  return { parts, headings };
}

/** Comparison form: full-width/half-width folded, all whitespace removed. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The source's sentences: every non-heading line split after 。, with bullets, step numbers and
 * bookmarks removed; table cells are lines of their own in the extraction, so they are covered too.
 */
export function sourceSentences(source: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    if (isSourceHeading(raw)) return;
    for (const piece of raw.replace(BOOKMARK, '').split('。')) {
      const text = normalise(
        piece
          .trim()
          .replace(/^(?:[·・]|-\s)\s*/u, '')
          .replace(/^\d+\.?\s+/u, ''),
      );
      if (text) out.push({ line: i + 1, text });
    }
  });
  return out;
}
