/** What a retrievable unit of a section is; table rows carry their cells as well as a flat text. */
export type PolicyLineKind = 'paragraph' | 'bullet' | 'step' | 'table-header' | 'table-row' | 'figure';

export interface PolicyLine {
  kind: PolicyLineKind;
  /** Plain text (Markdown escapes resolved); table rows join their non-empty cells with ` | `. */
  text: string;
  /** 1-based line in the pack file. */
  line: number;
  /** The number written before a procedure step (`3` for `3. …`). */
  marker?: string;
  /** Table rows: index into the owning section's (or part preamble's) `tables`, and the cells. */
  table?: number;
  cells?: string[];
}

export interface PolicyTable {
  header: string[];
  /** Body rows, each as wide as the header; a `<br>` in a cell is a `\n` here. */
  rows: string[][];
  line: number;
}

export interface PolicySection {
  /** `<part> <number>`, e.g. `組織的対策 5.6`: the citation form used everywhere in Mamori. */
  id: string;
  part: string;
  /** Dotted number without a trailing dot: `5.6`, `2.1.4.1`. */
  number: string;
  title: string;
  /** The section's own body (not its children's), one unit per line. */
  text: string;
  lines: PolicyLine[];
  tables: PolicyTable[];
  parentId: string | null;
  childIds: string[];
  file: string;
  /** Line of the section's heading. */
  line: number;
}

/** Front matter of one part file. */
export interface PolicyPartMeta {
  title: string;
  part: string;
  attribution: string;
  source?: string | undefined;
  revised: string;
  scope?: string | undefined;
}

export interface PolicyPart {
  name: string;
  file: string;
  /** Line of the part's `#` heading. */
  line: number;
  meta: PolicyPartMeta;
  /** Text between the part heading and its first numbered section (the document's cover for part 1). */
  preamble: PolicyLine[];
  tables: PolicyTable[];
  text: string;
  sectionIds: string[];
}

export interface PolicyPackMeta {
  title: string;
  attribution: string;
  source?: string | undefined;
  /** The most recent `revised` of any part (or the placeholder while none has a real date). */
  revised: string;
  parts: string[];
}

export interface PolicyPack {
  dir: string;
  meta: PolicyPackMeta;
  parts: PolicyPart[];
  /** Every numbered section in pack order (file order, then document order). */
  sections: PolicySection[];
  byId: Map<string, PolicySection>;
}
