import type { CompanyProfile } from './company-profile';
import type { PolicyLine, PolicySection } from './pack';

/**
 * Fills the sample's placeholders in quoted policy lines with the company profile's values, where the
 * profile has them and the line's meaning is unambiguous:
 * - 監査・点検/点検 (an A/B alternative) → the company's choice for 組織的対策 2;
 * - ○月に点検 (組織的対策 2) → the inspection month;
 * - the emergency contacts of 組織的対策 9.3 → the profile's contacts for each role;
 * - the inquiry and emergency contacts of 人的対策 6.6 → the profile's telework contacts.
 * Everything else (代表取締役, role names, other placeholders) is quoted as written.
 */
export function fillLine(section: PolicySection, line: PolicyLine, profile: CompanyProfile): PolicyLine {
  let text = line.text.replaceAll('監査・点検/点検', profile.choices['組織的対策 2']);
  if (section.id === '組織的対策 2')
    text = text.replace(/[○〇]月に点検/g, `${profile.inspectionMonth}月に点検`);
  if (section.id === '組織的対策 9.3' && line.kind === 'table-row' && line.cells) {
    const [role = ''] = line.cells;
    const contacts = profile.contacts.incident.filter((c) => c.role === role.trim());
    if (contacts.length > 0) {
      const detail = contacts
        .map((c) => `携帯電話：${c.mobilePhone}（${c.person.displayName}） 電子メールアドレス：${c.email}`)
        .join(' / ');
      text = `${role} | ${detail}`;
    }
  }
  if (section.id === '人的対策 6.6') {
    const block = teleworkBlock(section, line);
    const contact = block ? profile.contacts.telework[block] : undefined;
    if (contact) {
      text = text
        .replace(/^システム管理者（[^）]*）\s*TEL：.*$/u, `${contact.label} TEL：${contact.phone}`)
        .replace(/^Mail：.*$/u, `Mail：${contact.email}`);
    }
  }
  return text === line.text ? line : { ...line, text };
}

/** Whether a line of 人的対策 6.6 sits under ＜問合せ先＞ or ＜緊急連絡先＞. */
function teleworkBlock(section: PolicySection, line: PolicyLine): 'inquiry' | 'emergency' | null {
  let block: 'inquiry' | 'emergency' | null = null;
  for (const l of section.lines) {
    if (l.line > line.line) break;
    if (/^＜問合せ先＞/.test(l.text)) block = 'inquiry';
    else if (/^＜緊急連絡先＞/.test(l.text)) block = 'emergency';
  }
  return block;
}
