import {
  dropOkurigana,
  foldKana,
  foldLongVowels,
  isMostlyLatin,
  normalize,
  normalizeBase,
} from '../../../../bot/src/policy/search/normalize';
import { englishWords, stem, ThesaurusMatcher } from '../../../../bot/src/policy/search/matcher';
import { ngramTerms, tokenize } from '../../../../bot/src/policy/search/tokenize';

describe('normalize', () => {
  it('folds width and case (NFKC, lower case)', () => {
    expect(normalize('ＵＳＢメモリ')).toBe('usbメモリ');
    expect(normalize('情報漏洩と改竄')).toBe('情報漏えいと改ざん');
    expect(normalize('ｻｰﾊﾞｰ')).toBe(normalize('サーバー'));
    expect(normalize('ＶＰＮ　接続')).toBe('vpn 接続');
  });

  it('drops the trailing long vowel of long katakana words only', () => {
    expect(foldLongVowels('サーバー')).toBe('サーバ');
    expect(foldLongVowels('プリンター')).toBe('プリンタ');
    expect(foldLongVowels('キー')).toBe('キー');
    expect(normalize('ルーター')).toBe(normalize('ルータ'));
  });

  it('spells out iteration marks', () => {
    expect(normalizeBase('時々')).toBe('時時');
    expect(normalizeBase('人々')).toBe('人人');
  });

  it('turns punctuation and symbols into spaces and keeps Latin compounds', () => {
    expect(normalize('「社外秘」の資料、送った！')).toBe('社外秘 の資料 送った');
    expect(normalize('Wi-Fi')).toBe('wifi');
    expect(normalize('<b>**太字**</b> | 表')).toBe('b 太字 b 表');
  });

  it('folds katakana to hiragana and drops okurigana between kanji', () => {
    expect(foldKana('スマホ')).toBe('すまほ');
    expect(dropOkurigana('持ち出し')).toBe('持出し');
    expect(dropOkurigana('取り扱い')).toBe('取扱い');
    expect(dropOkurigana('社外秘の資料')).toBe('社外秘の資料');
  });

  it('tells English questions from Japanese ones', () => {
    expect(isMostlyLatin('Can I use my own USB stick?')).toBe(true);
    expect(isMostlyLatin("I'm sharing an internal-only (社外秘) file")).toBe(true);
    expect(isMostlyLatin('USBメモリを使ってもいい？')).toBe(false);
    expect(isMostlyLatin('🙂👍')).toBe(false);
  });
});

describe('tokenize', () => {
  it('makes bigrams of kanji and katakana runs, never across the two', () => {
    expect(ngramTerms('情報資産')).toEqual(['b:情報', 'b:報資', 'b:資産']);
    expect(ngramTerms('ウイルス対策')).toEqual(['b:ウイ', 'b:イル', 'b:ルス', 'b:対策']);
  });

  it('gives a unigram for a lone kanji and nothing for hiragana', () => {
    expect(ngramTerms('鍵をかける')).toEqual(['u:鍵']);
    expect(tokenize('これはそれです')).toEqual([]);
  });

  it('matches inflected and abbreviated spellings through the kanji skeleton', () => {
    const a = new Set(tokenize('持ち出し'));
    expect(tokenize('持出し').every((t) => a.has(t))).toBe(true);
    expect(a.has('b:持出')).toBe(true);
  });

  it('keeps Latin words and adds segmenter words of three or more characters', () => {
    const terms = tokenize('USBメモリのパスワード');
    expect(terms).toContain('l:usb');
    expect(terms).toContain('w:パスワード');
  });

  it('copes with emoji, mixed scripts and very long input', () => {
    expect(tokenize('🔒パスワード🔑 password 密码')).toEqual(
      expect.arrayContaining(['w:パスワード', 'l:password']),
    );
    expect(tokenize('あ'.repeat(20_000))).toEqual([]);
  });
});

describe('vocabulary matching', () => {
  const matcher = new ThesaurusMatcher({
    ignore: ['大丈夫'],
    scopes: [],
    entries: [
      { from: ['ネット'], to: ['インターネット'] },
      { from: ['id'], to: ['アカウント'] },
      { from: ['代表'], to: ['代表取締役'] },
      { from: ['代表電話'], to: ['外線'] },
      { from: ['スマホ'], to: ['スマートフォン'] },
    ],
  });
  const entries = (text: string): number[] => matcher.match(normalize(text)).map((m) => m.entry);

  it('matches whatever the script or width the user chose', () => {
    expect(entries('すまほ')).toEqual([4]);
    expect(entries('ｽﾏﾎ')).toEqual([4]);
  });

  it('does not match inside a longer katakana or Latin word', () => {
    expect(entries('ネットワーク')).toEqual([]);
    expect(entries('ネットで')).toEqual([0]);
    expect(entries('android')).toEqual([]);
    expect(entries('IDを')).toEqual([1]);
  });

  it('prefers the longest match and marks ignored words', () => {
    expect(entries('代表電話にかかってきた')).toEqual([3]);
    expect(entries('大丈夫？')).toEqual([-1]);
  });

  it('stems English words lightly and consistently', () => {
    expect(englishWords("Laptops aren't the user's")).toEqual(['laptops', "aren't", 'the', 'user']);
    expect(stem('laptops')).toBe(stem('laptop'));
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('access')).toBe('access');
    // A doubled final consonant before -ing/-ed is one letter: getting rid of meets get rid of.
    expect(stem('getting')).toBe(stem('get'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('installing')).toBe(stem('install'));
    expect(stem('passed')).toBe(stem('pass'));
  });
});
