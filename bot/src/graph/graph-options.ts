/** What the composition root passes to `createGraphClient`; built from `Config`, never from `process.env`. */
export interface GraphOptions {
  /**
   * Graph's service root including the version, e.g. `https://graph.microsoft.com/v1.0` or the
   * simulator's `http://127.0.0.1:PORT/v1.0`. Without a version segment, `v1.0` is used.
   */
  baseUrl: string;
  auth: GraphAuthOptions;
  /** Per attempt, from sending the request to having read the whole response body. Default 30 s. */
  timeoutMs?: number;
  retry?: { maxAttempts?: number; maxTotalWaitMs?: number };
  /** Injectable for tests; also used for the token endpoint. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Injectable for tests, so retries do not really wait. */
  sleep?: (ms: number) => Promise<void>;
}

export type GraphAuthOptions = ClientCredentialsAuth | { kind: 'static'; token: string };

/** Entra application permissions, client-credentials flow (msal-node). */
export interface ClientCredentialsAuth {
  kind: 'clientCredentials';
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /**
   * Default `https://login.microsoftonline.com`. Any other host (a test token server, the Graph
   * simulator) is used without discovery: see `msalConfiguration`.
   */
  authorityHost?: string;
}

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Attempts in all, the first included. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** The most time spent sleeping between attempts of one request. */
export const DEFAULT_MAX_TOTAL_WAIT_MS = 60_000;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
