import type { Locale } from './locale';

/** Every user-facing string, in Japanese (primary) and English. `en` must have every key `ja` has. */
const ja = {
  welcomeTitle: 'Mamori（守り）へようこそ',
  welcomeIntro:
    'Mamori は、当社の情報セキュリティ関連規程に沿って仕事をするためのアシスタントです。規程について質問したり、インシデントを報告したり、情報の持ち出しを申請したりできます。',
  welcomeHowTo:
    'ボタンを押すか、そのまま質問を入力してください。いつでも「ヘルプ」と入力するとこの案内を表示します。',
  welcomeStaffSection: 'セキュリティ担当者向け',
  capabilityPolicy: '規程について質問',
  capabilityPolicyHint:
    '「USBメモリで極秘データを持ち出すには？」のように質問すると、該当する条文を示して答えます。',
  capabilityIncident: 'インシデントを報告',
  capabilityIncidentHint: 'ウイルス感染、紛失・盗難、情報漏えいなどを報告します。',
  capabilityTakeout: '持ち出しを申請',
  capabilityTakeoutHint: '情報資産を社外に持ち出す申請をして、承認を受けます。',
  capabilityTraining: '研修を受ける',
  capabilityTrainingHint: '情報セキュリティ研修のクイズを受けます。',
  capabilityStatus: '自分の状況',
  capabilityStatusHint: '自分の多要素認証、端末、研修、申請の状況を確認します。',
  capabilityMfa: 'MFA 登録状況',
  capabilityMfaHint: '全社・部門別の多要素認証の登録状況を確認します。',
  capabilityDevices: '端末の準拠状況',
  capabilityDevicesHint: '管理端末のコンプライアンス、暗号化、脱獄などの状況を確認します。',
  comingSoon: '「{capability}」はまだ準備中です。まもなく使えるようになります。',
  comingSoonIncident:
    '「{capability}」はまだ準備中です。今すぐ報告が必要な場合は、規程（組織的対策 9.3）に従ってシステム管理者に直接連絡してください。',
  staffOnly:
    '「{capability}」は全社のデータを扱うため、セキュリティ担当者（システム管理者・情報セキュリティ責任者）だけが使えます。ご自身の状況は「自分の状況」で確認できます。',
  tooLong: 'メッセージが長すぎます（{length} 文字）。{max} 文字以内に短くしてもう一度送ってください。',
  emptyMessage: '何をお手伝いしましょうか？',
  unknownCardAction: 'このボタンの操作は認識できませんでした。「ヘルプ」と入力すると使い方を表示します。',
  genericError: '申し訳ありません、処理中に問題が発生しました。少し時間をおいてもう一度お試しください。',
} as const;

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  welcomeTitle: 'Welcome to Mamori (守り)',
  welcomeIntro:
    "Mamori helps you work by our company's information-security regulations. Ask about the policy, report an incident, or request approval to take information out of the office.",
  welcomeHowTo: 'Press a button or just type your question. Type "help" at any time to see this again.',
  welcomeStaffSection: 'For security staff',
  capabilityPolicy: 'Ask about the policy',
  capabilityPolicyHint:
    'Ask something like "Can I take top-secret data out on a USB stick?" and get the answer with its section.',
  capabilityIncident: 'Report an incident',
  capabilityIncidentHint: 'Report a virus infection, a lost or stolen device, a data leak and more.',
  capabilityTakeout: 'Request a take-out',
  capabilityTakeoutHint: 'Request approval to take information assets out of the company.',
  capabilityTraining: 'Take training',
  capabilityTrainingHint: 'Take the information-security training quiz.',
  capabilityStatus: 'My status',
  capabilityStatusHint: 'See your MFA, devices, training and requests.',
  capabilityMfa: 'MFA coverage',
  capabilityMfaHint: 'See multi-factor authentication registration, company-wide and by department.',
  capabilityDevices: 'Device compliance',
  capabilityDevicesHint: 'See compliance, encryption and jailbreak status of managed devices.',
  comingSoon: '"{capability}" is not available yet. It is coming soon.',
  comingSoonIncident:
    '"{capability}" is not available yet. If you need to report something now, contact the system administrator directly as the policy requires (組織的対策 9.3).',
  staffOnly:
    '"{capability}" shows company-wide data, so only security staff (the system administrator and the information-security officer) can use it. You can see your own situation under "My status".',
  tooLong:
    'Your message is too long ({length} characters). Please shorten it to {max} characters and send it again.',
  emptyMessage: 'How can I help?',
  unknownCardAction: 'I did not recognise that button. Type "help" to see what I can do.',
  genericError: 'Sorry, something went wrong while handling that. Please try again in a moment.',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };

/** Looks up a message and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
