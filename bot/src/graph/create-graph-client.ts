import {
  type AuthenticationProvider,
  Client,
  type Context,
  type GraphRequest,
} from '@microsoft/microsoft-graph-client';
import { BearerAuthHandler, staticTokenProvider } from './auth-handler';
import { FetchHandler } from './fetch-handler';
import { GraphError, describeRequest } from './graph-error';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_TOTAL_WAIT_MS,
  DEFAULT_TIMEOUT_MS,
  type GraphOptions,
  realSleep,
} from './graph-options';
import { MsalAuthProvider } from './msal-auth-provider';
import { RetryHandler } from './retry-handler';
import type { RetrySettings } from './retry-policy';
import { TimeoutHandler } from './timeout-handler';

/** Microsoft Graph as Mamori uses it; every failure is a `GraphError`. */
export interface GraphClient {
  /** The SDK's fluent request for a path under the service root (`/users`, `/$batch`, …). */
  api(path: string): GraphRequest;
  /** GETs an absolute URL (an `@odata.nextLink`) exactly as given, through the same middleware. */
  getUrl(url: string): Promise<unknown>;
  /** The retry limits, for helpers that retry by themselves (inner `$batch` responses). */
  readonly retry: RetrySettings;
}

/**
 * Builds the SDK client on a custom chain: auth -> retry -> timeout -> fetch. The SDK's default
 * chain (with its own RetryHandler, RedirectHandler and global fetch) is not used.
 */
export function createGraphClient(options: GraphOptions): GraphClient {
  const { host, version } = splitServiceRoot(options.baseUrl);
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetrySettings = {
    maxAttempts: options.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    maxTotalWaitMs: options.retry?.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS,
    sleep: options.sleep ?? realSleep,
  };
  const provider: AuthenticationProvider =
    options.auth.kind === 'static'
      ? staticTokenProvider(options.auth.token)
      : new MsalAuthProvider({ auth: options.auth, fetch: fetchFn, timeoutMs });

  const chain = [
    new BearerAuthHandler(provider, new URL(host).origin),
    new RetryHandler(retry),
    new TimeoutHandler(timeoutMs),
    new FetchHandler(fetchFn),
  ] as const;
  // The SDK links an array of middleware with setNext, first to last.
  const sdk = Client.initWithMiddleware({ middleware: [...chain], baseUrl: host, defaultVersion: version });
  const first = chain[0];

  return {
    api: (path) => sdk.api(path),
    retry,
    getUrl: async (url) => {
      const context: Context = {
        request: url,
        options: { method: 'GET', headers: { Accept: 'application/json' } },
      };
      await first.execute(context);
      return readJson(context.response, url);
    },
  };
}

/**
 * Splits `https://graph.microsoft.com/v1.0` into the SDK's `baseUrl` (host) and `defaultVersion`:
 * the SDK joins `baseUrl + version + path` for relative paths, and strips host and version only
 * from absolute `https://` paths, so `http://127.0.0.1:PORT` + `v1.0` works for the simulator.
 */
export function splitServiceRoot(baseUrl: string): { host: string; version: string } {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const last = segments.at(-1);
  const hasVersion = last !== undefined && /^(v\d+(\.\d+)?|beta)$/.test(last);
  const prefix = (hasVersion ? segments.slice(0, -1) : segments).join('/');
  return { host: `${url.origin}/${prefix}`.replace(/\/+$/, ''), version: hasVersion ? last : 'v1.0' };
}

async function readJson(response: Response | undefined, url: string): Promise<unknown> {
  if (!response || response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new GraphError({
      reason: 'invalidResponse',
      status: response.status,
      message: `Graph ${describeRequest('GET', url)} returned a body that is not JSON`,
      requestId: response.headers.get('request-id') ?? undefined,
      cause: error,
    });
  }
}
