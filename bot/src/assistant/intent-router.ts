import type { Capability } from './capabilities';

export type Intent =
  | { kind: 'empty' }
  | { kind: 'help' }
  /** `text` is what is left to act on: the question itself, or '' for a bare command. */
  | { kind: 'capability'; capability: Capability; text: string };

/** Full-width → half-width, case folded, whitespace collapsed: users type either. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Bare commands (a button label typed by hand counts as one). */
const commands: [RegExp, Intent['kind'] | Capability][] = [
  [/^(ヘルプ|help|へるぷ|使い方|つかいかた|\?|メニュー|menu|はじめに|start)$/, 'help'],
  [/^(質問|規程(について)?(質問)?|policy|ask( about the policy)?|question)$/, 'policy'],
  [/^(インシデント(を)?(報告)?|報告|事故報告|incident|report( an incident)?)$/, 'incident'],
  [/^(持ち出し(を)?(申請)?|持出(申請)?|take-?out|request (a )?take-?out)$/, 'takeout'],
  [/^(研修(を受ける)?|教育|クイズ|training|take training|quiz)$/, 'training'],
  [/^(自分の状況|私の状況|マイステータス|ステータス|状況|my status|status)$/, 'status'],
  [/^(mfa(登録状況|の登録状況| coverage)?|多要素認証(の登録状況)?)$/, 'mfa'],
  [/^((端末|デバイス)(の)?(準拠状況|コンプライアンス)?|devices?( compliance)?)$/, 'devices'],
];

// A question about the rules ("…したらどうする？", "…には？") is for the policy Q&A even when it
// mentions a lost PC or a take-out; only a statement of fact or intent starts a report or a request.
const asksAboutRules =
  /(たら|ったら|場合|には|べき|とは|ですか|ますか|でしょうか|いいの|いい\?|どうすれば|どうしたら|可能|できる\?|できますか|\b(how|what|can i|should|may i|is it|am i allowed)\b)/;

const phrases: [RegExp, Capability][] = [
  // Lists of reports go to the incident capability with the words, which tell a list from a new report.
  [
    /^(自分の報告|私の報告|報告一覧|自分のインシデント|対応中のインシデント|インシデント一覧|my reports?|my incidents?|open incidents?)$/,
    'incident',
  ],
  [
    /(ウイルス|ウィルス|マルウェア|ランサム).*(感染|かかっ|入っ|出た|かも)|(なくし|無くし|失くし|紛失し|落とし|盗まれ|置き忘れ|盗難に)|(漏えい|漏洩|流出|誤送信)(し|させ)|(不正アクセス|乗っ取)(された|され|かも)|\b(i (lost|have lost|misplaced)|(was|got|been) (stolen|hacked)|infected|ransomware|leaked|sent .* to the wrong)\b/,
    'incident',
  ],
  [
    /(持ち出し|持出)(を)?(申請|許可を?(ほしい|欲しい|ください|もらいたい))|持ち出したい|持って(いき|行き|帰り)たい|\b(request|need approval|want) to take .* out\b/,
    'takeout',
  ],
  [
    /(研修|クイズ|テスト)(を)?(受けたい|受けます|やりたい|始め)|\b(start|take|begin) (the |a |my )?(training|quiz)\b/,
    'training',
  ],
  [
    /(自分|私|わたし|僕|ぼく)の(状況|ステータス|mfa|多要素|端末|デバイス|研修|申請)|\bmy (status|devices?|mfa|training|requests?)\b/,
    'status',
  ],
  [/(mfa|多要素認証)(の)?(登録)?(状況|率|カバー率|未登録者)|\bmfa (coverage|registration)\b/, 'mfa'],
  [
    /(端末|デバイス)(の)?(準拠|コンプライアンス|非準拠)|\b(device|devices) (compliance|posture)\b|non-?compliant devices|(非準拠|未準拠)の(端末|デバイス)/,
    'devices',
  ],
];

/**
 * Maps a message to a capability: bare commands first, then natural phrases (ja/en);
 * anything else non-empty is a policy question.
 */
export function routeText(raw: string): Intent {
  const text = normalizeText(raw);
  if (text === '') return { kind: 'empty' };
  for (const [pattern, target] of commands) {
    if (pattern.test(text)) {
      return target === 'help'
        ? { kind: 'help' }
        : { kind: 'capability', capability: target as Capability, text: '' };
    }
  }
  const question = asksAboutRules.test(text) || /[?？]$/.test(raw.trim());
  for (const [pattern, capability] of phrases) {
    if (!pattern.test(text)) continue;
    // Posture look-ups are requests for data even when phrased as questions.
    if (question && (capability === 'incident' || capability === 'takeout' || capability === 'training'))
      break;
    return { kind: 'capability', capability, text: raw.trim() };
  }
  return { kind: 'capability', capability: 'policy', text: raw.trim() };
}
