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
  staffOnly:
    '「{capability}」は全社のデータを扱うため、セキュリティ担当者（システム管理者・情報セキュリティ責任者）だけが使えます。ご自身の状況は「自分の状況」で確認できます。',
  tooLong: 'メッセージが長すぎます（{length} 文字）。{max} 文字以内に短くしてもう一度送ってください。',
  emptyMessage: '何をお手伝いしましょうか？',
  unknownCardAction: 'このボタンの操作は認識できませんでした。「ヘルプ」と入力すると使い方を表示します。',
  qaPrompt:
    '規程について何でも質問してください。例: 「USBメモリで極秘データを持ち出すには？」「パスワードは何文字以上？」',
  qaAnswerTitle: '規程の回答',
  qaYourQuestion: 'ご質問',
  qaSource: '出典: {citation}',
  qaRelated: '関連する条文',
  qaHelpful: '役に立った',
  qaNotHelpful: '役に立たなかった',
  qaAskStaff: '担当者に聞く',
  qaNotCovered:
    '規程にはこの質問に答える条文が見つかりませんでした。「担当者に聞く」を押すと、質問をシステム管理者（{name}）に伝えます（人的対策 6.6）。',
  qaThanksHelpful: 'フィードバックありがとうございました。',
  qaThanksNotHelpful:
    'フィードバックありがとうございました。改善に役立てます。よければ「担当者に聞く」で直接質問できます。',
  qaEscalated: '質問をシステム管理者（{name}）に伝えました。回答はこのチャットに届きます。',
  qaEscalatedAlready: 'この質問はすでにシステム管理者（{name}）に伝えてあります。',
  qaEscalationFailed:
    'システム管理者（{name}）に Teams で連絡できませんでした。お手数ですが直接ご連絡ください: {contact}',
  qaEscalationQueued:
    '質問を受け付けました。現在システムに接続できないため、接続が戻りしだいシステム管理者（{name}）に届けます。',
  qaEscalationTitle: '規程に関する質問が届きました',
  qaEscalationFrom: '{name} さんからの質問',
  qaEscalationCited: 'Mamori が示した条文: {citation}',
  qaEscalationNone: 'Mamori は該当する条文を見つけられませんでした。',
  qaNotYours: 'この操作は質問した本人だけができます。',
  qaExpired: 'この回答は見つかりませんでした。もう一度質問してください。',
  qaFeedbackQueued:
    'フィードバックを受け付けました。記録先のシステムに今は接続できないため、接続が戻りしだい記録します。',
  qaTryLater: '記録先のシステムに今は接続できません。少し時間をおいてもう一度押してください。',
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
  staffOnly:
    '"{capability}" shows company-wide data, so only security staff (the system administrator and the information-security officer) can use it. You can see your own situation under "My status".',
  tooLong:
    'Your message is too long ({length} characters). Please shorten it to {max} characters and send it again.',
  emptyMessage: 'How can I help?',
  unknownCardAction: 'I did not recognise that button. Type "help" to see what I can do.',
  qaPrompt: 'Ask me anything about the policy, for example "Can I take top-secret data out on a USB stick?"',
  qaAnswerTitle: 'Policy answer',
  qaYourQuestion: 'Your question',
  qaSource: 'Source: {citation}',
  qaRelated: 'Related sections',
  qaHelpful: 'Helpful',
  qaNotHelpful: 'Not helpful',
  qaAskStaff: 'Ask the administrator',
  qaNotCovered:
    'The policy has no section that answers this. Press "Ask the administrator" to pass your question to the system administrator ({name}) (人的対策 6.6).',
  qaThanksHelpful: 'Thank you for your feedback.',
  qaThanksNotHelpful:
    'Thank you for your feedback; it helps us improve. You can also ask the administrator directly.',
  qaEscalated:
    'Your question was passed to the system administrator ({name}). The answer will come to this chat.',
  qaEscalatedAlready: 'This question has already been passed to the system administrator ({name}).',
  qaEscalationFailed:
    'The system administrator ({name}) could not be reached in Teams. Please contact them directly: {contact}',
  qaEscalationQueued:
    'Your question was received. The system is unreachable right now; it will reach the system administrator ({name}) as soon as it is back.',
  qaEscalationTitle: 'A policy question for you',
  qaEscalationFrom: 'Question from {name}',
  qaEscalationCited: 'Section Mamori showed: {citation}',
  qaEscalationNone: 'Mamori found no section that answers it.',
  qaNotYours: 'Only the person who asked can do this.',
  qaExpired: 'This answer could not be found. Please ask again.',
  qaFeedbackQueued:
    'Your feedback was received. The records system is unreachable right now; it will be recorded as soon as it is back.',
  qaTryLater: 'The records system is unreachable right now. Please press the button again in a little while.',
  genericError: 'Sorry, something went wrong while handling that. Please try again in a moment.',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };

/** Looks up a message and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
