import type { MdBlock } from './blocks';
import { PolicyPackError } from './errors';
import { inlineToText } from './markdown-inline';
import type { PolicyLine, PolicyPart, PolicyPartMeta, PolicySection, PolicyTable } from './types';

/** `<number> <title>`; a trailing dot after the number (as in the IPA source) is rejected. */
const NUMBERED = /^(\d+(?:\.\d+)*)[ \t]+(\S.*)$/;

interface Container {
  lines: PolicyLine[];
  tables: PolicyTable[];
}

type Heading = Extract<MdBlock, { type: 'heading' }>;

/** Accumulates parts and sections file by file, validating the structure as it goes. */
export class PackBuilder {
  readonly parts: PolicyPart[] = [];
  readonly sections: PolicySection[] = [];
  readonly byId = new Map<string, PolicySection>();

  addFile(file: string, meta: PolicyPartMeta, blocks: readonly MdBlock[], bodyStart: number): void {
    let part: PolicyPart | undefined;
    let target: Container | undefined;
    for (const b of blocks) {
      if (b.type === 'heading' && b.level === 1) {
        part = this.openPart(file, meta, b, part);
        target = { lines: part.preamble, tables: part.tables };
      } else if (b.type === 'heading') {
        if (!part) {
          throw new PolicyPackError(
            'heading-outside-part',
            file,
            b.line,
            `"${b.text}" comes before # ${meta.part}`,
          );
        }
        target = this.openSection(file, part, b);
      } else if (!target) {
        throw new PolicyPackError(
          'content-outside-part',
          file,
          b.line,
          `text before the # ${meta.part} heading`,
        );
      } else {
        appendBlock(target, b);
      }
    }
    if (!part) throw new PolicyPackError('part-mismatch', file, bodyStart, `no # ${meta.part} heading`);
  }

  private openPart(file: string, meta: PolicyPartMeta, h: Heading, current?: PolicyPart): PolicyPart {
    if (current)
      throw new PolicyPackError('duplicate-part', file, h.line, 'one part per file: second # heading');
    const name = inlineToText(h.text);
    if (name !== meta.part) {
      throw new PolicyPackError(
        'part-mismatch',
        file,
        h.line,
        `# ${name} but the front matter says part: ${meta.part}`,
      );
    }
    const other = this.parts.find((p) => p.name === name);
    if (other)
      throw new PolicyPackError('duplicate-part', file, h.line, `part ${name} is also in ${other.file}`);
    const part: PolicyPart = {
      name,
      file,
      line: h.line,
      meta,
      preamble: [],
      tables: [],
      text: '',
      sectionIds: [],
    };
    this.parts.push(part);
    return part;
  }

  private openSection(file: string, part: PolicyPart, h: Heading): PolicySection {
    const m = NUMBERED.exec(h.text);
    if (!m?.[1] || !m[2]) {
      throw new PolicyPackError(
        'malformed-heading',
        file,
        h.line,
        `expected "<number> <title>", got "${h.text}"`,
      );
    }
    const number = m[1];
    const depth = number.split('.').length;
    if (depth + 1 !== h.level) {
      const want = '#'.repeat(depth + 1);
      throw new PolicyPackError(
        'malformed-heading',
        file,
        h.line,
        `${number} needs a level-${depth + 1} heading (${want})`,
      );
    }
    const id = `${part.name} ${number}`;
    const dup = this.byId.get(id);
    if (dup)
      throw new PolicyPackError(
        'duplicate-number',
        file,
        h.line,
        `duplicate section ${id} (first at ${dup.file}:${dup.line})`,
      );
    const parent =
      depth > 1 ? this.byId.get(`${part.name} ${number.slice(0, number.lastIndexOf('.'))}`) : undefined;
    if (depth > 1 && !parent) {
      throw new PolicyPackError('missing-parent', file, h.line, `${id} has no parent section before it`);
    }
    const section: PolicySection = {
      id,
      part: part.name,
      number,
      title: inlineToText(m[2]),
      text: '',
      lines: [],
      tables: [],
      parentId: parent?.id ?? null,
      childIds: [],
      file,
      line: h.line,
    };
    parent?.childIds.push(id);
    this.sections.push(section);
    this.byId.set(id, section);
    part.sectionIds.push(id);
    return section;
  }
}

function appendBlock(target: Container, b: Exclude<MdBlock, Heading>): void {
  switch (b.type) {
    case 'paragraph':
    case 'bullet': {
      const text = inlineToText(b.text);
      if (text) target.lines.push({ kind: b.type, text, line: b.line });
      return;
    }
    case 'step':
      target.lines.push({ kind: 'step', text: inlineToText(b.text), line: b.line, marker: b.marker });
      return;
    case 'figure':
      target.lines.push({ kind: 'figure', text: b.text, line: b.line });
      return;
    case 'table': {
      const table = target.tables.length;
      const header = b.header.map(inlineToText);
      const rows = b.rows.map((r) => r.map(inlineToText));
      target.tables.push({ header, rows, line: b.line });
      const row = (cells: string[], line: number, kind: 'table-header' | 'table-row'): PolicyLine => ({
        kind,
        text: cells
          .filter(Boolean)
          .map((c) => c.replace(/\n/g, ' '))
          .join(' | '),
        line,
        table,
        cells,
      });
      target.lines.push(row(header, b.line, 'table-header'));
      rows.forEach((r, k) => target.lines.push(row(r, b.rowLines[k] ?? b.line, 'table-row')));
      return;
    }
  }
}
