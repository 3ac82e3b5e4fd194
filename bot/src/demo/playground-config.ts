import { stringify } from 'yaml';
import type { DemoTenant } from './demo-tenant';
import { playgroundUsers, type PlaygroundUser } from './playground-users';

/** The bot's channel account in the Playground; any stable id works locally. */
const botAccount = { id: '28:mamori-local-bot', name: 'Mamori' };

/**
 * The Agents Playground config for the demo company: `currentUser` is the person you chat as, `users` the
 * five others the Playground requires (exactly five). The Teams user `id` is the Entra object id, so a
 * proactive `createConversation` addressed by object id reaches them in the Playground as in Teams.
 */
export function playgroundConfig(tenant: DemoTenant, currentUser?: string): Record<string, unknown> {
  const people = playgroundUsers(tenant);
  const current = currentUser ? findPerson(people, currentUser) : people.find((p) => p.role === 'employee');
  if (!current) throw new Error('the demo tenant has no employee persona');
  // Five others: the CEO, the system administrator, the education lead, then the current user's own
  // department head and another employee, so every role of an approval or incident is at hand.
  const rank = (p: PlaygroundUser): number => {
    switch (p.role) {
      case 'ceo':
        return 0;
      case 'systemAdministrator':
        return 1;
      case 'educationLead':
        return 2;
      case 'departmentHead':
        return p.department === current.department ? 3 : 5;
      case 'employee':
        return 4;
    }
  };
  const others = people
    .filter((p) => p.id !== current.id)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, 5);
  const team = tenant.users.find((u) => u.id === current.id)?.department ?? '総務部';
  return {
    version: '0.1.1',
    tenantId: tenant.tenant.id,
    bot: botAccount,
    currentUser: account(current),
    users: others.map(account),
    personalChat: { id: 'personal-chat' },
    groupChat: { id: 'group-chat', name: '情報セキュリティ委員会' },
    team: {
      id: 'team-general',
      name: team,
      aadGroupId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a809',
      channels: [{ id: 'channel-security', name: '情報セキュリティ' }],
    },
  };
}

export function playgroundConfigYaml(tenant: DemoTenant, currentUser?: string): string {
  return [
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
    '# Generated from bot/src/demo/demo-tenant.yaml by `npm run playground:config`; do not edit by hand.',
    '# `npm start -- --user <name>` chats as another demo person (e.g. kenichi.sato, the system administrator).',
    stringify(playgroundConfig(tenant, currentUser)),
  ].join('\n');
}

/** Finds a persona by UPN, the UPN's local part, object id or role (`systemAdministrator`, `ceo`…). */
export function findPerson(people: PlaygroundUser[], key: string): PlaygroundUser {
  const k = key.toLowerCase();
  const found = people.find(
    (p) =>
      p.id === k ||
      p.userPrincipalName.toLowerCase() === k ||
      p.userPrincipalName.toLowerCase().split('@')[0] === k ||
      p.role.toLowerCase() === k,
  );
  if (!found) {
    const choices = people
      .map((p) => `${p.userPrincipalName.split('@')[0]} (${p.name}, ${p.role})`)
      .join(', ');
    throw new Error(`No demo person "${key}". Choose one of: ${choices}`);
  }
  return found;
}

function account(p: PlaygroundUser) {
  const [surname = '', givenName = ''] = p.name.split(' ');
  return {
    id: p.id,
    name: p.name,
    userPrincipleName: p.userPrincipalName, // sic: the Playground's schema spells it this way
    aadObjectId: p.id,
    givenName,
    surname,
    email: p.userPrincipalName,
  };
}
