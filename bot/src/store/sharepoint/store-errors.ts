import { GraphError } from '../../graph/graph-error';
import { parseRetryAfter } from '../../graph/retry-policy';
import {
  RecordNotFoundError,
  RecordQueryError,
  RecordValidationError,
  StoreError,
  StoreUnavailableError,
} from '../errors';

export interface FailureContext {
  kind: string;
  /** The item the call was about, for notFound. */
  id?: string;
  /** Reads refused as bad requests are invalid queries; writes refused so are invalid data. */
  operation: 'read' | 'write';
  /** A Retry-After SharePoint sent, when the caller saw it ($batch inner responses carry their headers). */
  retryAfter?: string | undefined;
}

/**
 * Graph failures as store errors. Throttling, 5xx, timeouts and no response are transient
 * (StoreUnavailableError), and so are refused credentials or permissions: an administrator can fix
 * them, and a DurableWriter keeps the writes meanwhile instead of dropping them as refused for good.
 * 404 → notFound; 400 → validation (write) or invalidQuery (read). Conflict (412) is the caller's,
 * which knows the item to read the current ETag from. Anything else is rethrown as it is.
 */
export function toStoreError(error: unknown, context: FailureContext): unknown {
  if (error instanceof StoreError || !(error instanceof GraphError)) return error;
  const where = `SharePoint (${context.kind})`;
  switch (error.reason) {
    case 'throttled':
    case 'unavailable':
    case 'timeout':
      return new StoreUnavailableError(`${where}: ${error.message}`, {
        cause: error,
        ...retryAfterMs(context.retryAfter),
      });
    case 'unauthorized':
    case 'forbidden':
    case 'credentialFailure':
      return new StoreUnavailableError(`${where}: access refused (${error.reason}): ${error.message}`, {
        cause: error,
      });
    case 'notFound':
      return context.id === undefined ? error : new RecordNotFoundError(context.kind, context.id);
    case 'badRequest': {
      const message = `SharePoint refused it${error.code ? ` (${error.code})` : ''}`;
      return context.operation === 'read'
        ? new RecordQueryError(context.kind, message)
        : new RecordValidationError(context.kind, [{ field: '', message }]);
    }
    default:
      return error;
  }
}

function retryAfterMs(value: string | undefined): { retryAfterMs?: number } {
  const ms = parseRetryAfter(value, Date.now());
  return ms === undefined ? {} : { retryAfterMs: ms };
}

/** Runs a Graph call, translating its failure. */
export async function mapFailures<T>(context: FailureContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStoreError(error, context);
  }
}
