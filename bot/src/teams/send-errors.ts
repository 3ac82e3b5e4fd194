import type { SendFailureReason } from '../notify/notifier';

/** Reads status and body from the connector's RestError (or a network error) without trusting its shape. */
function describe(error: unknown): { status: number | null; text: string } {
  if (typeof error !== 'object' || error === null) return { status: null, text: String(error) };
  const e = error as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { bodyAsText?: unknown };
  };
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const parts = [e.code, e.message, e.response?.bodyAsText].filter((p): p is string => typeof p === 'string');
  return { status, text: parts.join(' ') };
}

/** Maps a failed connector call to the reason a caller can act on. */
export function classifySendError(error: unknown): { reason: SendFailureReason; status: number | null } {
  const { status, text } = describe(error);
  switch (status) {
    case 403:
      return { reason: /MessageWritesBlocked/i.test(text) ? 'messageWritesBlocked' : 'notInstalled', status };
    case 404:
      return { reason: 'conversationNotFound', status };
    case 429:
      return { reason: 'throttled', status };
    default:
      return { reason: 'unavailable', status };
  }
}
