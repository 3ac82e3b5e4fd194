import * as AC from 'adaptivecards';

/**
 * Parses a card with Microsoft's `adaptivecards` library as version 1.5 and returns every
 * problem it reports (unknown elements, bad property values, validation failures).
 */
export function adaptiveCardProblems(json: unknown): string[] {
  const problems: string[] = [];
  const record = json as { version?: unknown; type?: unknown };
  if (record.type !== 'AdaptiveCard') problems.push(`type is ${String(record.type)}, not AdaptiveCard`);
  if (record.version !== '1.5') problems.push(`version is ${String(record.version)}, not 1.5`);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
