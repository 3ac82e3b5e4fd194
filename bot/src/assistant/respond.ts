import { z } from 'zod';
import { welcomeCard } from '../cards/welcome-card';
import type { SecurityStaff } from '../directory/security-staff';
import { t } from '../i18n/messages';
import type { Locale } from '../i18n/locale';
import { capabilities, capabilityLabel, staffOnly, type Capability } from './capabilities';
import { routeText } from './intent-router';
import type { ActionResult, CardAction, Reply, Turn, TurnUser } from './turn';

/** Longer messages are refused with a request to shorten; Teams itself caps a message near 28 KB. */
export const maxMessageLength = 4000;

export interface CapabilityRequest {
  locale: Locale;
  user: TurnUser;
  /** The user's words when the capability was reached by a phrase; '' from a button or command. */
  text: string;
}

export type CapabilityHandler = (request: CapabilityRequest) => Promise<Reply[]>;

/** Handles the card actions it knows (by verb); null for any other verb. */
export type ActionHandler = (action: CardAction) => Promise<ActionResult | null>;

export interface AssistantDeps {
  securityStaff: SecurityStaff;
  /** Capabilities that are built; the rest answer plainly that they are coming. */
  handlers: Partial<Record<Capability, CapabilityHandler>>;
  actionHandlers: ActionHandler[];
}

/** A pressed `Action.Execute` button: the first handler that knows the verb answers. */
export async function respondToAction(action: CardAction, deps: AssistantDeps): Promise<ActionResult> {
  for (const handle of deps.actionHandlers) {
    const result = await handle(action);
    if (result) return result;
  }
  return { type: 'text', text: t(action.locale, 'unknownCardAction') };
}

const cardActionSchema = z.object({
  mamori: z.literal('openCapability'),
  capability: z.enum(capabilities),
});

/** Decides what to say for one turn. Pure apart from the handlers it is given. */
export async function respond(turn: Turn, deps: AssistantDeps): Promise<Reply[]> {
  const { locale, user } = turn;
  const help = (): Reply[] => [
    {
      type: 'card',
      card: welcomeCard({ locale, isSecurityStaff: deps.securityStaff.isSecurityStaff(user.aadObjectId) }),
      summary: t(locale, 'welcomeTitle'),
    },
  ];
  if (turn.kind === 'installed') return help();

  if (turn.value !== undefined && turn.value !== null) {
    const action = cardActionSchema.safeParse(turn.value);
    if (!action.success) return [{ type: 'text', text: t(locale, 'unknownCardAction') }];
    return openCapability(action.data.capability, { locale, user, text: '' }, deps);
  }

  if (turn.text.length > maxMessageLength) {
    return [
      { type: 'text', text: t(locale, 'tooLong', { length: turn.text.length, max: maxMessageLength }) },
    ];
  }
  const intent = routeText(turn.text);
  switch (intent.kind) {
    case 'empty':
      return [{ type: 'text', text: t(locale, 'emptyMessage') }, ...help()];
    case 'help':
      return help();
    case 'capability':
      return openCapability(intent.capability, { locale, user, text: intent.text }, deps);
  }
}

async function openCapability(
  capability: Capability,
  request: CapabilityRequest,
  deps: AssistantDeps,
): Promise<Reply[]> {
  const { locale } = request;
  const label = t(locale, capabilityLabel[capability]);
  if (staffOnly.has(capability) && !deps.securityStaff.isSecurityStaff(request.user.aadObjectId)) {
    return [{ type: 'text', text: t(locale, 'staffOnly', { capability: label }) }];
  }
  const handler = deps.handlers[capability];
  if (handler) return handler(request);
  return [{ type: 'text', text: t(locale, 'comingSoon', { capability: label }) }];
}
