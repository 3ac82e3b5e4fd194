import type { AdaptiveCardJson } from '../cards/card';
import type { Locale } from '../i18n/locale';

export interface TurnUser {
  /** Entra object id; absent only for channels that are not Teams. */
  aadObjectId: string | undefined;
  name: string | undefined;
}

/** A turn as the assistant sees it: already stripped of Bot Framework types. */
export type Turn =
  | { kind: 'installed'; locale: Locale; user: TurnUser }
  | { kind: 'message'; locale: Locale; user: TurnUser; text: string; value: unknown };

/** A Teams citation (message entity `https://schema.org/Message`): name ≤ 80, abstract ≤ 160 characters. */
export interface Citation {
  position: number;
  name: string;
  abstract: string;
}

export type Reply =
  | { type: 'text'; text: string }
  | { type: 'card'; card: AdaptiveCardJson; summary: string }
  /** Text whose `[n]` markers point at `citations`, with a card under it. */
  | { type: 'cited'; text: string; citations: Citation[]; card: AdaptiveCardJson; summary: string };

/** A press of an `Action.Execute` button: the verb and the ids it carries, nothing to trust beyond that. */
export interface CardAction {
  verb: string;
  data: unknown;
  locale: Locale;
  user: TurnUser;
}

/** What replaces the pressed card: a new card, or a short message. */
export type ActionResult = { type: 'card'; card: AdaptiveCardJson } | { type: 'text'; text: string };
