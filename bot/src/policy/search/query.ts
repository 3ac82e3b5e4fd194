import {
  entryConcept,
  incidentConcept,
  known,
  latinConcepts,
  offTopicConcept,
  phrase,
  roleOf,
  weightOf,
  type Concept,
  type QueryContext,
} from './concepts';
import { dropContained, GAP_MARK, OFF_TOPIC, spansOf, type Match } from './matcher';
import { isMostlyLatin, normalize } from './normalize';

export { queryContext, type Concept, type QueryContext } from './concepts';

export interface AnalyzedQuery {
  language: 'ja' | 'en';
  concepts: Concept[];
}

export const MAX_QUESTION_CHARS = 2000;
/** A blanked span (matched vocabulary): breaks runs, and marks the kanji next to it as a fragment. */
const GAP = '\u0000';
const PARTICLE_AFTER = /^[のをにはがでとへもや]/u;
/** A word of one kanji (話, 人) is ambiguous: it weighs half. A single Latin letter is ignored. */
const LONE_CHARACTER_FACTOR = 0.5;

/**
 * A kanji run followed by okurigana whose last two kanji the policy never writes together ends in a
 * verb's stem: 名前出して, 納品決まった, 一筆書いて are 名前 + 出す, 納品 + 決まる, 一筆 + 書く. The stem is
 * cut off (a lone kanji before okurigana is then dropped), so that the noun is searched on its own
 * rather than the run being taken for a word the policy lacks. 情報共有して (共有 is the policy's) stays.
 */
function splitVerbStems(
  ctx: QueryContext,
  text: string,
  runs: { run: string; start: number; end: number }[],
): void {
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i];
    if (!r) continue;
    const chars = [...r.run];
    if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) continue;
    if (!/^\p{Script=Hiragana}/u.test(text.slice(r.end)) || PARTICLE_AFTER.test(text.slice(r.end))) continue;
    if (known(ctx, `b:${chars.at(-2) ?? ''}${chars.at(-1) ?? ''}`)) continue;
    const stem = chars.at(-1) ?? '';
    runs.splice(
      i,
      1,
      { ...r, run: chars.slice(0, -1).join(''), end: r.end - stem.length },
      { run: stem, start: r.end - stem.length, end: r.end },
    );
  }
}

/**
 * The content runs of a text: kanji/katakana runs and Latin words, each one concept. Okurigana between
 * two kanji is dropped only where the policy writes the joined form (持ち出す → 持出, not ひと通り終わった).
 * A lone kanji is kept only when it stands as a noun (鍵を, not 持たせ or the counter of 3社), and never
 * when it is a fragment left next to a matched vocabulary word (勤務中 → 中).
 */
function runConcepts(ctx: QueryContext, text: string): Found[] {
  const runs: { run: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\p{Script=Han}+|[\p{Script=Katakana}ー]+|[a-z0-9]+/gu)) {
    const prev = runs.at(-1);
    const gap = prev ? text.slice(prev.end, m.index) : '';
    const joined = prev ? `b:${prev.run.slice(-1)}${m[0].slice(0, 1)}` : '';
    if (
      prev &&
      /^\p{Script=Hiragana}$/u.test(gap) &&
      !PARTICLE_AFTER.test(gap) &&
      /\p{Script=Han}$/u.test(prev.run) &&
      /^\p{Script=Han}/u.test(m[0]) &&
      known(ctx, joined)
    ) {
      prev.run += m[0];
      prev.end = m.index + m[0].length;
    } else runs.push({ run: m[0], start: m.index, end: m.index + m[0].length });
  }
  splitVerbStems(ctx, text, runs);
  const out: Found[] = [];
  for (const { run, start, end } of runs) {
    if ([...run].length === 1 && /\p{Script=Han}/u.test(run)) {
      const before = text[start - 1] ?? ' ';
      const after = text.slice(end);
      if (before === GAP || /[0-9\p{Script=Katakana}ー]/u.test(before) || after.startsWith(GAP)) continue;
      if (/^[\p{Script=Katakana}ー]/u.test(after)) continue;
      if (!(after === '' || /^\s/.test(after) || PARTICLE_AFTER.test(after))) continue;
    }
    if (/^[a-z]$/.test(run)) continue;
    const p = phrase(run);
    const lone = [...run].length === 1 ? LONE_CHARACTER_FACTOR : 1;
    const role = roleOf(ctx, [p]);
    const concept = {
      alts: [p.terms],
      // A run weighs at most one word the policy never writes (idfMax): a long compound the policy lacks
      // (ランドオペレーター) is one idea, not as many as its bigrams, and only parts of it are found.
      weight: lone * Math.min(ctx.idfMax, weightOf(ctx, p)),
      source: run,
      ...(role ? { role } : {}),
    };
    if (p.terms.length > 0) out.push({ concept, after: [text.slice(end, end + AFTER)], at: start });
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
/** Kanji that end a compound as a suffix (出張先, 勤務中, 退職後, 紛失時): not another word. */
const SUFFIX = /^[先中時後前用内者等的化別]$/u;

/**
 * A kanji key inside a longer kanji compound the policy never writes is another word: 社用 in 社用車,
 * 携帯 in 携帯番号 are not the policy's 社用 or 携帯. A neighbour that is itself a key (全部|暗号化), a
 * suffix (出張|先) or a noun before a verb (半日|止まった, 無断|持ち出し) is not such a compound.
 */
function gluedIntoCompound(ctx: QueryContext, text: string, m: Match, keyed: Set<number>): boolean {
  const first = text.slice(m.start, m.start + 1);
  const last = text.slice(m.end - 1, m.end);
  const before = text.slice(m.start - 1, m.start);
  const after = text.slice(m.end, m.end + 1);
  const verb = /\p{Script=Hiragana}/u.test(text.slice(m.start, m.end));
  const unknown = (a: string, b: string): boolean => !known(ctx, `b:${a}${b}`);
  return (
    (HAN.test(last) && HAN.test(after) && !keyed.has(m.end) && !SUFFIX.test(after) && unknown(last, after)) ||
    (!verb && HAN.test(first) && HAN.test(before) && !keyed.has(m.start - 1) && unknown(before, first))
  );
}

/** Nouns that make what precedes them a piece of information: 給与データ, 源泉徴収票, 予約の台帳. */
const RECORD_AFTER =
  /^の?(?:データ|ファイル|情報|書類|票|申告書|報告書|台帳|一覧|リスト|名簿|システム|フォルダ|記録|控え|資料|帳簿)/u;

/**
 * An off-topic word is the question's topic, not an object it asks about: 給与データのバックアップ asks
 * about a record (給与 names what is in it), and 社内報告 is not 社内報 (報告 is the policy's word). An
 * off-topic word inside a longer compound is still off-topic (有給休暇中).
 */
function offTopicHere(ctx: QueryContext, text: string, m: Match): boolean {
  const after = text.slice(m.end);
  if (RECORD_AFTER.test(after)) return false;
  const next = after.slice(0, 1);
  return !(HAN.test(next) && known(ctx, `b:${text.slice(m.end - 1, m.end)}${next}`));
}

const range = (spans: [number, number][]): number[] =>
  spans.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));

/** A concept with the text that follows its words in the question (for the tense of a verb). */
interface Found {
  concept: Concept;
  after: string[];
  /** Where its last word starts in the question (Japanese only). */
  at?: number;
}

/** Japanese (or the Japanese part of a mixed question): thesaurus entries, then the remaining words. */
function analyzeJapanese(ctx: QueryContext, text: string): Found[] {
  const normalized = normalize(text);
  const occurrences = ctx.thesaurus.occurrences(normalized);
  const keyed = new Set(occurrences.flatMap((m) => range(spansOf(m))));
  const matches = dropContained(
    occurrences.filter((m) =>
      m.entry === OFF_TOPIC
        ? offTopicHere(ctx, normalized, m)
        : !gluedIntoCompound(ctx, normalized, m, keyed),
    ),
  );
  const found: Found[] = [];
  const byEntry = new Map<number, { keys: Set<string>; after: string[]; at: number }>();
  const residual = normalized.split('');
  for (const m of matches) {
    for (const i of range(spansOf(m))) residual[i] = GAP;
    if (m.entry === OFF_TOPIC) found.push({ concept: offTopicConcept(ctx, m.key), after: [] });
    if (m.entry < 0) continue;
    const e = byEntry.get(m.entry) ?? { keys: new Set<string>(), after: [], at: m.start };
    e.at = Math.max(e.at, m.start);
    e.keys.add(
      spansOf(m)
        .map(([a, b]) => normalized.slice(a, b))
        .join(GAP_MARK),
    );
    // The tense is read from the key's last kanji on: a key may hold its ending (感染した).
    const ending = normalized.slice(m.start, m.end).search(/[\u3041-\u3096]*$/u);
    e.after.push(normalized.slice(m.start + ending, m.end + AFTER));
    byEntry.set(m.entry, e);
  }
  for (const [entry, { keys, after, at }] of byEntry) {
    // A key with a gap (間違え…送) is no wording of its own: only the policy's terms are searched.
    const own = [...keys].filter((k) => !k.includes(GAP_MARK)).map(phrase);
    const alts = ctx.thesaurusAlts[entry] ?? [];
    const concept = entryConcept(ctx, own, alts, [...keys].join('|'));
    if (concept) found.push({ concept, after, at });
  }
  // English words inside a Japanese question (このファイルをshareしていい？) go through the glossary.
  const rest = residual.join('').replace(/[a-z][a-z0-9'+.-]*(?:\s+[a-z][a-z0-9'+.-]*)*/g, (words) => {
    found.push(...latinConcepts(ctx, words).map((concept) => ({ concept, after: [] })));
    return GAP;
  });
  found.push(...runConcepts(ctx, rest));
  return found;
}

/** Text this long after a word is searched for its tense. */
const AFTER = 10;
/**
 * Something has happened (or is supposed to have) when a word of the question has a perfective or
 * progressive ending — なくした, 盗まれた, 暗号化された, 送っちゃった, 感染してる, 消えたら — but not a
 * wish, a purpose or a copula (廃棄したい, 防ぐために, 部長なんだけど).
 */
const HAPPENED_JA =
  /^[\u3041-\u3096ー]{0,8}?(?:た(?![いめ])|だ(?![いめけよねかろ]|っけ)|ちゃ|じゃ|てる|ている|ていま)/u;
/** In English a mishap is taken as happened unless the question is about preventing it. */
const PREVENTION_EN = /\b(?:prevent|avoid|protect|stop|before)\b/i;

/**
 * A question naming a mishap (an event) that has happened implies an incident: see concepts.ts. Not when
 * it happened to someone else (他社で流出したってニュース): that asks about learning from it.
 */
function withIncident(ctx: QueryContext, text: string, concepts: Concept[], happened: boolean): Concept[] {
  const normalized = normalize(text);
  const elsewhere = ctx.elsewhere.some((w) => normalized.includes(w));
  const incident =
    happened && !elsewhere && concepts.some((c) => c.role === 'event') ? incidentConcept(ctx) : null;
  return incident ? [...concepts, incident] : concepts;
}

/** What follows a quotation a screen showed: 「…」って出た, と表示, って警告, のメッセージ. */
const SHOWN = /^\s*(?:って|と|という|の)?\s*(?:出|表示|警告|メッセージ|ポップアップ|画面|通知)/u;
const QUOTE = /「[^」]*」|『[^』]*』|“[^”]*”|"[^"]*"/gu;

/**
 * Words inside quotation marks are what someone else said or a screen showed (「ファイルを暗号化した、
 * 元に戻したければ…」って出た, 「秘密は漏らしません」って一筆): they keep their topic but are not the
 * user's own action or mishap, so they lose their role. Positions are those of the normalised text.
 */
function withoutQuotedRoles(text: string, found: Found[]): Found[] {
  const spans = [...text.matchAll(QUOTE)].map((m): [number, number, boolean] => [
    normalize(text.slice(0, m.index)).length,
    normalize(text.slice(0, m.index + m[0].length)).length + 1,
    SHOWN.test(text.slice(m.index + m[0].length)),
  ]);
  if (spans.length === 0) return found;
  return found.map((f) => {
    const at = f.at ?? -1;
    const span = spans.find(([a, b]) => at >= a && at < b);
    // A mishap a screen reports (「ウイルスが見つかりました」って出た) has happened all the same.
    if (!f.concept.role || !span || (f.concept.role === 'event' && span[2])) return f;
    const { role: _quoted, ...concept } = f.concept;
    return { ...f, concept, after: [] };
  });
}

export function analyzeQuery(ctx: QueryContext, question: string): AnalyzedQuery {
  const text = question.slice(0, MAX_QUESTION_CHARS);
  if (isMostlyLatin(text)) {
    const found = latinConcepts(ctx, text).map((concept): Found => ({ concept, after: [] }));
    const cjk = text.replace(/\p{ASCII}+/gu, ' ').trim();
    if (cjk) found.push(...analyzeJapanese(ctx, cjk));
    const concepts = found.map((f) => f.concept);
    return { language: 'en', concepts: withIncident(ctx, text, concepts, !PREVENTION_EN.test(text)) };
  }
  const found = withoutQuotedRoles(text, analyzeJapanese(ctx, text));
  // A mishap followed by what the user wants to do about it (消えた…戻す手順) asks about that action.
  const lastEvent = Math.max(-1, ...found.filter((f) => f.concept.role === 'event').map((f) => f.at ?? -1));
  const asks = found.some((f) => f.concept.role === 'action' && (f.at ?? -1) > lastEvent);
  const happened = !asks && found.some((f) => f.after.some((a) => HAPPENED_JA.test(a)));
  return {
    language: 'ja',
    concepts: withIncident(
      ctx,
      text,
      found.map((f) => f.concept),
      happened,
    ),
  };
}
