export type Locale = 'ja' | 'en';

/** Japanese is primary: only an English Teams locale (`en`, `en-US`, …) switches to English. */
export function localeFrom(activityLocale: string | undefined | null): Locale {
  return activityLocale?.trim().toLowerCase().startsWith('en') ? 'en' : 'ja';
}
