/** A card as JSON; builders are pure functions from typed input to this. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  [extra: string]: unknown;
}

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

export function card(body: Record<string, unknown>[], actions?: Record<string, unknown>[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}

/**
 * Text the user (or anyone but us) wrote. A TextRun is never read as Markdown, so `**`, `[x](y)`
 * or HTML typed by a user shows literally instead of restyling or breaking the card.
 */
export function literalText(text: string, options: { weight?: 'Bolder'; isSubtle?: boolean } = {}) {
  return {
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text, ...options }],
  };
}
