import {
  capabilities,
  capabilityHint,
  capabilityLabel,
  staffOnly,
  type Capability,
} from '../assistant/capabilities';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/messages';
import { card, type AdaptiveCardJson } from './card';

/** What a card button sends back: only an action name and ids, never state to be trusted. */
export interface OpenCapabilityData {
  mamori: 'openCapability';
  capability: Capability;
}

const button = (locale: Locale, capability: Capability) => ({
  type: 'Action.Submit',
  title: t(locale, capabilityLabel[capability]),
  data: { mamori: 'openCapability', capability } satisfies OpenCapabilityData,
});

const entry = (locale: Locale, capability: Capability) => ({
  type: 'TextBlock',
  wrap: true,
  spacing: 'Small',
  text: `**${t(locale, capabilityLabel[capability])}** — ${t(locale, capabilityHint[capability])}`,
});

/** The welcome and help card: what Mamori does, one button per capability the user may use. */
export function welcomeCard(input: { locale: Locale; isSecurityStaff: boolean }): AdaptiveCardJson {
  const { locale } = input;
  const forEveryone = capabilities.filter((c) => !staffOnly.has(c));
  const forStaff = input.isSecurityStaff ? capabilities.filter((c) => staffOnly.has(c)) : [];
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: t(locale, 'welcomeTitle'), size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: t(locale, 'welcomeIntro'), wrap: true },
    ...forEveryone.map((c) => entry(locale, c)),
    { type: 'ActionSet', actions: forEveryone.map((c) => button(locale, c)) },
  ];
  if (forStaff.length > 0) {
    body.push(
      {
        type: 'TextBlock',
        text: t(locale, 'welcomeStaffSection'),
        weight: 'Bolder',
        separator: true,
        wrap: true,
      },
      ...forStaff.map((c) => entry(locale, c)),
      { type: 'ActionSet', actions: forStaff.map((c) => button(locale, c)) },
    );
  }
  body.push({
    type: 'TextBlock',
    text: t(locale, 'welcomeHowTo'),
    isSubtle: true,
    wrap: true,
    separator: true,
  });
  return card(body);
}
