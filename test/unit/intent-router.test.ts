import { routeText } from '../../bot/src/assistant/intent-router';

const capabilityOf = (text: string) => {
  const intent = routeText(text);
  return intent.kind === 'capability' ? intent.capability : intent.kind;
};

describe('routeText', () => {
  it.each([
    ['ヘルプ', 'help'],
    ['ﾍﾙﾌﾟ', 'help'],
    ['HELP', 'help'],
    ['  ', 'empty'],
    ['インシデント報告', 'incident'],
    ['Report an incident', 'incident'],
    ['持ち出し申請', 'takeout'],
    ['研修', 'training'],
    ['my status', 'status'],
    ['MFA登録状況', 'mfa'],
    ['Device compliance', 'devices'],
  ])('maps the command %p to %p', (text, expected) => {
    expect(capabilityOf(text)).toBe(expected);
  });

  it.each([
    ['ウイルスに感染したかも', 'incident'],
    ['PCをなくした', 'incident'],
    ['スマホを電車に置き忘れました', 'incident'],
    ['I lost my laptop', 'incident'],
    ['My phone was stolen at the station', 'incident'],
    ['顧客リストをUSBで持ち出したい', 'takeout'],
    ['I need approval to take the design files out', 'takeout'],
    ['研修を受けたい', 'training'],
    ['自分のMFAの状況を見たい', 'status'],
    ['部署ごとのMFA登録率は？', 'mfa'],
    ['非準拠のデバイスを一覧したい', 'devices'],
  ])('understands the phrase %p as %p', (text, expected) => {
    expect(capabilityOf(text)).toBe(expected);
  });

  it.each([
    'USBメモリで極秘データを持ち出すには？',
    'PCをなくしたらどうすればいいですか',
    'パスワードは何文字以上にすべき？',
    'What should I do if my laptop is lost?',
    '私物のスマホで社内メールを見てもいい？',
  ])('treats the question %p as a policy question', (text) => {
    const intent = routeText(text);
    expect(intent).toEqual({ kind: 'capability', capability: 'policy', text: text.trim() });
  });
});
