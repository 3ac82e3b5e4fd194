import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoTenant } from '../demo-tenant';
import { registerAuthMethodRoutes } from './auth-methods';
import { handleBatch } from './batch';
import { registerDeviceRoutes } from './devices';
import { Faults, logHeaders, type FaultControls, type RequestLogEntry } from './faults';
import { bearerError, msalAuthOptions, openIdConfiguration, tokenResponse } from './identity';
import { Router } from './router';
import { registerItemRoutes } from './sharepoint-items';
import { registerSiteRoutes } from './sharepoint-sites';
import { createSharePointState } from './sharepoint-state';
import { errorResponse, GraphError, type RouteContext, type SimRequest, type SimResponse } from './types';
import { registerUserRoutes } from './users';

export interface GraphSimulatorOptions {
  tenant: DemoTenant;
  /** Server-driven page size cap for every collection (tests use a small one to exercise paging). */
  pageSize?: number;
  /** Clock for timestamps (defaults to the real one). */
  now?: () => Date;
}

export interface GraphSimulator {
  /** Listens (port 0 = any free port) and resolves with the service root, e.g. `http://127.0.0.1:5199/v1.0`. */
  start(port?: number, host?: string): Promise<{ url: string; origin: string }>;
  stop(): Promise<void>;
  readonly faults: FaultControls;
  readonly requestLog: readonly RequestLogEntry[];
  readonly tenantId: string;
  /** Composite id of the one simulated SharePoint site. */
  readonly siteId: string;
  /** `auth` options for msal-node's ConfidentialClientApplication against this simulator (after start). */
  msalAuthOptions(): { authority: string; knownAuthorities: string[]; authorityMetadata: string };
  /** Faults, latency, page size and log as at creation, and no SharePoint lists. */
  reset(): void;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function createGraphSimulator(options: GraphSimulatorOptions): GraphSimulator {
  const { tenant } = options;
  const now = options.now ?? (() => new Date());
  const faults = new Faults(options.pageSize);
  const sharePoint = createSharePointState(tenant, now());
  const router = new Router();
  let server: http.Server | undefined;
  let origin = '';

  const context = (): RouteContext => ({ baseUrl: `${origin}/v1.0`, tenant, pageSize: faults.pageSize, now });

  const log = (req: SimRequest, fullPath: string, status: number) =>
    faults.requestLog.push({
      method: req.method,
      path: fullPath,
      query: Object.fromEntries(req.query),
      headers: logHeaders(req.headers),
      status,
      inBatch: req.inBatch,
    });

  /** One Graph request, top-level or inside a batch: a queued fault, else the route. */
  const dispatch = (req: SimRequest): SimResponse => {
    const fault = faults.take(req.path);
    const response = fault ? errorResponse(fault, req, now()) : router.handle(req, context());
    log(req, `/v1.0${req.path}`, response.status);
    return response;
  };

  registerUserRoutes(router);
  registerAuthMethodRoutes(router);
  registerDeviceRoutes(router);
  registerSiteRoutes(router, sharePoint);
  registerItemRoutes(router, sharePoint);
  router.on('POST', '/$batch', (req, _p, ctx) => handleBatch(req, ctx, dispatch));

  function graph(req: SimRequest, raw: string): SimResponse {
    const unauthenticated = bearerError(req.headers);
    if (unauthenticated) {
      const response = errorResponse(unauthenticated, req, now());
      log(req, `/v1.0${req.path}`, response.status);
      return response;
    }
    if (raw.length > 0) {
      try {
        req.body = JSON.parse(raw) as unknown;
      } catch {
        const response = errorResponse(
          new GraphError(400, 'BadRequest', 'Invalid JSON in request body.'),
          req,
          now(),
        );
        log(req, `/v1.0${req.path}`, response.status);
        return response;
      }
    }
    return dispatch(req);
  }

  function identity(req: SimRequest, raw: string): SimResponse {
    let m: RegExpExecArray | null;
    let response: SimResponse = { status: 404, headers: { 'Content-Type': 'application/json' }, body: {} };
    if (req.method === 'POST' && (m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.path)))
      response = tokenResponse(tenant, decodeURIComponent(m[1]!), req.headers, raw, now());
    else if (req.method === 'GET' && /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(req.path))
      response = { status: 200, headers: {}, body: openIdConfiguration(origin, tenant.tenant.id) };
    else if (req.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(req.path))
      response = { status: 200, headers: {}, body: { keys: [] } };
    log(req, req.path, response.status);
    return response;
  }

  async function onRequest(incoming: http.IncomingMessage, outgoing: http.ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        outgoing.writeHead(413).end();
        return;
      }
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', origin);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(incoming.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const isGraph = url.pathname === '/v1.0' || url.pathname.startsWith('/v1.0/');
    const req: SimRequest = {
      method: (incoming.method ?? 'GET').toUpperCase(),
      path: isGraph ? url.pathname.slice('/v1.0'.length) || '/' : url.pathname,
      query: url.searchParams,
      headers,
      body: undefined,
      inBatch: false,
    };
    const response = isGraph ? graph(req, raw) : identity(req, raw);
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    const body = response.body === undefined ? undefined : JSON.stringify(response.body);
    const contentType = response.headers['Content-Type'] ?? 'application/json';
    outgoing.writeHead(
      response.status,
      body === undefined ? response.headers : { ...response.headers, 'Content-Type': contentType },
    );
    outgoing.end(body);
  }

  return {
    faults,
    get requestLog() {
      return faults.requestLog;
    },
    tenantId: tenant.tenant.id,
    siteId: sharePoint.site.id,
    msalAuthOptions() {
      if (!origin) throw new Error('Start the Graph simulator before asking for its msal options.');
      return msalAuthOptions(origin, tenant.tenant.id);
    },
    reset() {
      faults.reset();
      sharePoint.lists.clear();
    },
    start(port = 0, host = '127.0.0.1') {
      if (server) return Promise.reject(new Error('The Graph simulator is already started.'));
      const s = http.createServer((incoming, outgoing) => {
        onRequest(incoming, outgoing).catch((error: unknown) => {
          if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'text/plain' });
          outgoing.end(String(error));
        });
      });
      server = s;
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => {
          const address = s.address() as AddressInfo;
          const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          origin = `http://${hostPart}:${address.port}`;
          resolve({ url: `${origin}/v1.0`, origin });
        });
      });
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = undefined;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
  };
}
