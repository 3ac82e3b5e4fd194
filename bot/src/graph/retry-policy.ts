/** When to retry and how long to wait: shared by the retry middleware and the `$batch` helper. */

export interface RetrySettings {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The most time spent sleeping between the attempts of one request (or of one `$batch` chunk). */
  maxTotalWaitMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); injectable so backoff is predictable in tests. */
  random?: () => number;
  now?: () => number;
}

/** Graph's throttling and transient statuses (Microsoft Graph throttling guidance). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Methods that are safe to send again after a network error, when we cannot know whether Graph acted. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;

/** `Retry-After` as delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random. */
export function backoffMs(retryNumber: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Counts attempts and time waited for one request; says how long to wait next, or `null` to give up. */
export class RetryBudget {
  private waitedMs = 0;
  private retries = 0;

  constructor(private readonly settings: RetrySettings) {}

  /** Call after a failed attempt; a returned wait is charged to the budget. */
  nextWait(retryAfter: string | null | undefined): number | null {
    if (this.retries + 1 >= this.settings.maxAttempts) return null;
    const now = this.settings.now ?? Date.now;
    const wait =
      parseRetryAfter(retryAfter, now()) ?? backoffMs(this.retries + 1, this.settings.random ?? Math.random);
    if (this.waitedMs + wait > this.settings.maxTotalWaitMs) return null;
    this.retries += 1;
    this.waitedMs += wait;
    return wait;
  }

  get retriesMade(): number {
    return this.retries;
  }

  get totalWaitMs(): number {
    return this.waitedMs;
  }
}
