/** A `fetch` that records what was sent and answers from a function: for Graph and token-endpoint tests. */

export interface SentRequest {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | undefined;
}

export type Responder = (
  request: SentRequest,
  signal: AbortSignal | undefined,
) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  sent: SentRequest[];
}

export function fakeFetch(responder: Responder): FakeFetch {
  const sent: SentRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const request = { method: (init?.method ?? 'GET').toUpperCase(), url, headers, body };
    sent.push(request);
    return responder(request, init?.signal ?? undefined);
  };
  return { fetch: fn, sent };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Graph's documented error body. */
export function graphErrorResponse(
  status: number,
  code: string,
  headers: Record<string, string> = {},
  message = 'error',
): Response {
  return jsonResponse(
    status,
    {
      error: { code, message, innerError: { 'request-id': 'body-request-id', date: '2026-01-01T00:00:00' } },
    },
    headers,
  );
}

/** A `sleep` that returns at once and records each wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

/** A responder that answers each request with the next of `responses` (the last one repeats). */
export function inSequence(...responses: (() => Response)[]): Responder {
  let index = 0;
  return () => {
    const make = responses[Math.min(index, responses.length - 1)];
    index += 1;
    if (!make) throw new Error('inSequence needs at least one response');
    return make();
  };
}
