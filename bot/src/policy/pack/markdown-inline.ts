// Inline Markdown helpers shared by the pack converter (writer) and the loader (reader). Keeping both
// directions in one file is what guarantees that text survives a write/read round trip unchanged.

/** Characters escaped in pack text: `*` so placeholders like `090-****-****` never turn into emphasis. */
const ESCAPED = /[\\*|<`]/g;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const BR = /^<br\s*\/?>/i;

/** Escape plain text for use inside a paragraph, list item, heading or table cell. */
export function escapeInline(text: string): string {
  return text.replace(ESCAPED, (c) => `\\${c}`);
}

/**
 * Escape the start of an already inline-escaped paragraph or list item whose first characters would
 * otherwise be read as block syntax (a heading, list marker, quote or thematic break).
 */
export function escapeBlockStart(escaped: string): string {
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(escaped);
  if (ordered?.[1] !== undefined) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  if (/^(#{1,6}(\s|$)|[-+=](\s|$)|>|-{3,}|={3,})/.test(escaped)) return `\\${escaped}`;
  return escaped;
}

/** A table cell from the lines of a source cell: line breaks become `<br>`. */
export function escapeCell(lines: readonly string[]): string {
  return lines.map(escapeInline).join('<br>');
}

/**
 * Plain text of inline Markdown: backslash escapes resolved, `<br>` as a newline, emphasis markers
 * dropped (a literal asterisk is always written escaped, so an unescaped one can only be emphasis).
 */
export function inlineToText(md: string): string {
  let out = '';
  for (let i = 0; i < md.length; i++) {
    const c = md.charAt(i);
    const next = md.charAt(i + 1);
    if (c === '\\' && ASCII_PUNCT.test(next)) {
      out += next;
      i++;
    } else if (c === '<' && BR.test(md.slice(i))) {
      out += '\n';
      i += (BR.exec(md.slice(i))?.[0].length ?? 1) - 1;
    } else if (c !== '*') {
      out += c;
    }
  }
  return out.trim();
}

/**
 * Split a Markdown table row into raw (still escaped) cells. Escaped pipes stay inside their cell;
 * the optional outer pipes are dropped.
 */
export function splitTableRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const text = row.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < text.length) {
      cell += c + text.charAt(i + 1);
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  if (text.startsWith('|')) cells.shift();
  if (text.endsWith('|') && !text.endsWith('\\|') && cells.length > 0) cells.pop();
  return cells.map((c) => c.trim());
}
