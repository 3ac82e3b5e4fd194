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

export type Reply =
  { type: 'text'; text: string } | { type: 'card'; card: AdaptiveCardJson; summary: string };
