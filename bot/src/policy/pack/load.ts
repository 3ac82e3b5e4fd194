import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize } from './blocks';
import { PackBuilder } from './builder';
import { PolicyPackError } from './errors';
import { splitFrontMatter } from './front-matter';
import type { PolicyLine, PolicyPack, PolicyPart } from './types';

/** Pack files are the Markdown files of the directory in name order; the README documents the pack. */
function packFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => /\.md$/i.test(n) && !/^readme\.md$/i.test(n))
    .sort();
}

/**
 * Reads and validates a policy pack directory. Any structural mistake throws a PolicyPackError naming
 * the file and line, so a broken edit is caught when the bot starts rather than in an answer.
 */
export function loadPolicyPack(dir: string): PolicyPack {
  const names = packFiles(dir);
  if (names.length === 0) throw new PolicyPackError('empty-pack', dir, 0, 'no policy Markdown files');
  const builder = new PackBuilder();
  for (const name of names) {
    const file = path.join(dir, name);
    const { meta, body, bodyStart } = splitFrontMatter(fs.readFileSync(file, 'utf8'), file);
    builder.addFile(file, meta, tokenize(body, bodyStart, file), bodyStart);
  }

  const joinLines = (lines: PolicyLine[]): string => lines.map((l) => l.text).join('\n');
  for (const s of builder.sections) s.text = joinLines(s.lines);
  for (const p of builder.parts) p.text = joinLines(p.preamble);

  const [first] = builder.parts as [PolicyPart, ...PolicyPart[]];
  return {
    dir,
    meta: {
      title: first.meta.title,
      attribution: first.meta.attribution,
      source: first.meta.source,
      revised: latestRevision(builder.parts.map((p) => p.meta.revised)),
      parts: builder.parts.map((p) => p.name),
    },
    parts: builder.parts,
    sections: builder.sections,
    byId: builder.byId,
  };
}

/** Real dates win over the `20yy.mm.dd` placeholder; separators and padding may differ between parts. */
function latestRevision(values: string[]): string {
  const key = (v: string): string =>
    v
      .split(/[./-]/)
      .map((p) => p.padStart(2, '0'))
      .join('.');
  const dated = values.filter((v) => /^\d{4}/.test(v)).sort((a, b) => key(a).localeCompare(key(b)));
  return dated[dated.length - 1] ?? values[0] ?? '';
}
