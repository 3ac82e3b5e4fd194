// botframework-connector serializes outgoing activities through its model mappers, and its Entity
// model declares only `type`, `text` and `mentioned`: every other property of an entity is dropped on
// the wire. Teams citations (`@type: Message`, `citation: [...]`) are such properties. Declaring that
// Entity takes additional properties makes the serializer keep them. The mappers are not exported
// from the package root, hence the deep import (pinned to the botframework-connector version we ship).
import { Entity } from 'botframework-connector/lib/connectorApi/models/mappers';

let applied = false;

/** Makes outgoing entities keep all their properties (idempotent). */
export function keepEntityProperties(): void {
  if (applied) return;
  (Entity.type as { additionalProperties?: unknown }).additionalProperties = { type: { name: 'Object' } };
  applied = true;
}
