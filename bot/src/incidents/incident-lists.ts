import type { Reply } from '../assistant/turn';
import { myReportsCard, openIncidentsCard, type IncidentListItem } from '../cards/incident-list-card';
import type { Locale } from '../i18n/locale';
import type { CompanyProfile } from '../policy/company-profile';
import type { RecordPage, RecordStore, StoredRecord } from '../store/record-store';
import { msg } from './messages';
import { incidentKind, type IncidentRecord } from './records';
import { ESCALATION_CHAIN } from './reminder-policy';
import { resolveRoleHolders } from './routing';

const LIST_LIMIT = 200;

function item(r: StoredRecord<IncidentRecord>): IncidentListItem {
  const { reference, category, level, phase } = r.data;
  return { id: r.id, reference, category, level, phase, createdAt: r.createdAt };
}

/** Security staff and the holders of the 9.1 roles (システム管理者, インシデント対応責任者, 代表取締役). */
export function openListAudience(
  profile: CompanyProfile,
  isSecurityStaff: (id: string) => boolean,
): (userId: string) => boolean {
  const holders = new Set(
    resolveRoleHolders(ESCALATION_CHAIN, profile).flatMap((h) =>
      h.people.map((p) => p.objectId.toLowerCase()),
    ),
  );
  return (userId) => holders.has(userId.toLowerCase()) || isSecurityStaff(userId);
}

/** 「自分の報告」: the incidents this person reported, newest first. */
export async function myReports(records: RecordStore, locale: Locale, userId: string): Promise<Reply> {
  const page = await records.query(incidentKind, {
    where: { reporterId: userId },
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: 20,
  });
  return {
    type: 'card',
    card: myReportsCard(locale, page.records.map(item)),
    summary: msg(locale, 'listMineTitle'),
  };
}

/** Open incidents by level and phase, for responders; anyone else is told who may see them. */
export async function openIncidentList(
  records: RecordStore,
  locale: Locale,
  allowed: boolean,
): Promise<Reply> {
  if (!allowed) return { type: 'text', text: msg(locale, 'openListStaffOnly') };
  const items: IncidentListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: RecordPage<IncidentRecord> = await records.query(incidentKind, {
      where: { open: true },
      limit: 100,
      cursor,
    });
    items.push(...page.records.map(item));
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < LIST_LIMIT);
  return { type: 'card', card: openIncidentsCard(locale, items), summary: msg(locale, 'listOpenTitle') };
}
