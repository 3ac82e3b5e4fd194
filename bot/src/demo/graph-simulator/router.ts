import { errorResponse, GraphError, type RouteContext, type SimRequest, type SimResponse } from './types';

export type Handler = (req: SimRequest, params: Record<string, string>, ctx: RouteContext) => SimResponse;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

/** Path-pattern router for the Graph surface: `/users/:id/manager`. Errors become Graph error responses. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  private match(route: Route, segments: string[]): Record<string, string> | undefined {
    if (route.segments.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [i, expected] of route.segments.entries()) {
      const actual = segments[i]!;
      if (expected.startsWith(':')) {
        try {
          params[expected.slice(1)] = decodeURIComponent(actual);
        } catch {
          return undefined;
        }
      } else if (expected.toLowerCase() !== actual.toLowerCase()) return undefined;
    }
    return params;
  }

  handle(req: SimRequest, ctx: RouteContext): SimResponse {
    try {
      const segments = split(req.path);
      let pathMatched = false;
      for (const route of this.routes) {
        const params = this.match(route, segments);
        if (!params) continue;
        pathMatched = true;
        if (route.method === req.method) return route.handler(req, params, ctx);
      }
      if (pathMatched)
        throw new GraphError(
          405,
          'Request_BadRequest',
          'Specified HTTP method is not allowed for the request target.',
        );
      throw new GraphError(
        400,
        'BadRequest',
        `Resource not found for the segment '${segments.at(-1) ?? ''}'.`,
      );
    } catch (error) {
      if (error instanceof GraphError) return errorResponse(error, req, ctx.now());
      return errorResponse(
        new GraphError(500, 'generalException', `An unspecified error has occurred: ${String(error)}`),
        req,
        ctx.now(),
      );
    }
  }
}
