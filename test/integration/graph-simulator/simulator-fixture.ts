import { loadDemoTenant, type DemoTenant } from '../../../bot/src/demo/demo-tenant';
import {
  createGraphSimulator,
  type GraphSimulator,
  type GraphSimulatorOptions,
} from '../../../bot/src/demo/graph-simulator';

export interface SimulatorFixture {
  sim: GraphSimulator;
  tenant: DemoTenant;
  /** Service root, `http://127.0.0.1:PORT/v1.0`. */
  url: string;
  origin: string;
  /** A Graph call with a bearer token; `path` is relative to the service root or an absolute URL (nextLink). */
  graph(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<GraphReply>;
  /** Follows @odata.nextLink to the end and returns every page. */
  allPages(path: string, headers?: Record<string, string>): Promise<GraphReply[]>;
}

export interface GraphReply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A Graph collection body (concepts/paging.md). */
export interface Collection<T = Record<string, unknown>> {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: T[];
}

export const collectionOf = <T = Record<string, unknown>>(reply: GraphReply) => reply.body as Collection<T>;
export const entityOf = <T = Record<string, unknown>>(reply: GraphReply) => reply.body as T;

const tenant = loadDemoTenant();

/** Starts a simulator on a free port before the file's tests and stops it after; `reset()` between tests. */
export function useSimulator(options: Partial<GraphSimulatorOptions> = {}): SimulatorFixture {
  const fixture = { tenant } as SimulatorFixture;
  beforeAll(async () => {
    fixture.sim = createGraphSimulator({ tenant, ...options });
    const started = await fixture.sim.start();
    fixture.url = started.url;
    fixture.origin = started.origin;
  });
  afterAll(async () => {
    await fixture.sim.stop();
  });
  beforeEach(() => fixture.sim.reset());
  fixture.graph = async (path, init = {}) => {
    const headers: Record<string, string> = { authorization: 'Bearer test-token', ...init.headers };
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(path.startsWith('http') ? path : `${fixture.url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, body };
  };
  fixture.allPages = async (path, headers = {}) => {
    const pages: GraphReply[] = [];
    let next: string | undefined = path;
    while (next) {
      const page = await fixture.graph(next, { headers });
      expect(page.status).toBe(200);
      pages.push(page);
      next = collectionOf(page)['@odata.nextLink'];
      if (pages.length > 200) throw new Error('nextLink loop');
    }
    return pages;
  };
  return fixture;
}

/** The documented error resource: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function expectGraphError(reply: GraphReply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({
    error: {
      code,
      message: anyString,
      innerError: like({
        date: matching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
        'request-id': anyString,
        'client-request-id': anyString,
      }),
    },
  });
}

// Jest's asymmetric matchers are typed `any`; these give them `unknown` so they sit in object literals safely.
export const anyString: unknown = expect.any(String);
export const anyNumber: unknown = expect.any(Number);
export const anyArray: unknown = expect.any(Array);
export const anyObject: unknown = expect.any(Object);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const containing = (text: string): unknown => expect.stringContaining(text);
export const like = (shape: object): unknown => expect.objectContaining(shape);
export const including = (items: unknown[]): unknown => expect.arrayContaining(items);
