/**
 * Text normalisation shared by the index, the query analyser and the thesaurus matcher, so that the same
 * word written differently (full/half width, case, ー, 々, okurigana) meets itself.
 */

const KANJI = /\p{Script=Han}/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
/** Hiragana that are usually particles: never dropped between kanji (社外秘の資料 keeps の as a break). */
const PARTICLES = new Set([...'のをにはがでとへもやかよねな']);

/**
 * Words written with a kanji outside the jōyō list and also with kana for it (漏洩/漏えい, 改竄/改ざん):
 * the policy uses both, so one spelling is kept.
 */
const VARIANTS: [RegExp, string][] = [
  [/漏洩/g, '漏えい'],
  [/改竄/g, '改ざん'],
  [/毀損/g, 'き損'],
  // 〇〇社, ××さん: placeholders written with the ideographic zero or a cross are no word (as ○○ is not).
  [/[〇×✕]/g, '○'],
];

const ITERATION_MARK = /[々ゝゞヽヾ]/u;

/** NFKC, lower case, ヶ→か, kanji/kana variants, iteration marks (々ゝゞヽヾ) spelled out. */
export function normalizeBase(text: string): string {
  const s = VARIANTS.reduce(
    (t, [re, to]) => t.replace(re, to),
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[ヶヵ]/g, 'か'),
  );
  if (!ITERATION_MARK.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const prev = out.at(-1) ?? '';
    if (ch === '々' || ch === 'ゝ' || ch === 'ヽ') out += prev;
    else if (ch === 'ゞ' || ch === 'ヾ') out += prev ? String.fromCharCode(prev.charCodeAt(0) + 1) : '';
    else out += ch;
  }
  return out;
}

/**
 * Drops the trailing ー of katakana words of four or more characters (サーバー→サーバ, ルーター→ルータ,
 * プリンター→プリンタ), the JIS Z 8301 convention, so both spellings meet.
 */
export function foldLongVowels(text: string): string {
  return text.replace(/[\p{Script=Katakana}ー]{4,}/gu, (run) =>
    run.endsWith('ー') ? run.slice(0, -1) : run,
  );
}

/** Punctuation and symbols become spaces; a hyphen inside a Latin word is dropped (wi-fi → wifi). */
export function stripPunctuation(text: string): string {
  return text
    .replace(/([a-z0-9])[-‐](?=[a-z0-9])/g, '$1')
    .replace(/[^\p{L}\p{N}ー]+/gu, ' ')
    .trim();
}

/** Full normalisation of a text before term extraction. */
export function normalize(text: string): string {
  return normalizeRest(normalizeBase(text));
}

/** The rest of normalize() after normalizeBase(): punctuation, long vowels. */
export function normalizeRest(base: string): string {
  return foldLongVowels(stripPunctuation(base));
}

/** Katakana → hiragana (for matching thesaurus keys whatever the script the user chose). */
export function foldKana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * Removes okurigana between kanji (持ち出し→持出し, 取り扱い→取扱い, 書き記す→書記す) so inflected and
 * abbreviated spellings share their kanji skeleton. Particles are kept as word breaks.
 */
export function dropOkurigana(text: string): string {
  const chars = [...text];
  const classes = chars.map(charClass);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (classes[i] === 'hiragana' && isOkurigana(c, classes[i - 1], classes[i + 1])) continue;
    out += c;
  }
  return out;
}

/** A hiragana between two kanji that is not a particle: okurigana (持ち出し's ち). */
export function isOkurigana(hiragana: string, before?: CharClass, after?: CharClass): boolean {
  return before === 'kanji' && after === 'kanji' && !PARTICLES.has(hiragana);
}

export type CharClass = 'kanji' | 'katakana' | 'hiragana' | 'latin' | 'other';

const CLASSES: readonly CharClass[] = ['kanji', 'katakana', 'hiragana', 'latin', 'other'];
/** Classes of the BMP characters seen so far (index in CLASSES + 1; 0: not seen): a lookup, not regexes. */
const seen = new Uint8Array(0x10000);

function classify(c: string): CharClass {
  if (KANJI.test(c)) return 'kanji';
  if (KATAKANA.test(c)) return 'katakana';
  if (HIRAGANA.test(c)) return 'hiragana';
  if (/[a-z0-9]/.test(c)) return 'latin';
  return 'other';
}

export function charClass(c: string): CharClass {
  if (c.length !== 1) return classify(c);
  const code = c.charCodeAt(0);
  const k = seen[code] ?? 0;
  if (k > 0) return CLASSES[k - 1] ?? 'other';
  const cls = classify(c);
  seen[code] = CLASSES.indexOf(cls) + 1;
  return cls;
}

/** True when the text is mostly Latin script (an English question), ignoring digits and symbols. */
export function isMostlyLatin(text: string): boolean {
  let latin = 0;
  let cjk = 0;
  for (const ch of text.normalize('NFKC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
      continue;
    }
    // Han, hiragana and katakana; the long-vowel mark ー counts with katakana in charClass only.
    const cls = charClass(ch);
    if (cls === 'kanji' || cls === 'hiragana' || (cls === 'katakana' && ch !== 'ー')) cjk++;
  }
  return latin > 0 && cjk * 3 < latin;
}
