import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Logger } from '../logger';
import { activityEnvelope } from './activity-envelope';
import { HttpError } from './http-error';

export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export interface AppOptions {
  messages: MessagesHandler;
  logger: Logger;
  /** Counts requests being handled so shutdown can wait for them. */
  inFlight: { count: number };
}

/** Largest body accepted: far above any real activity (Teams caps a message near 28 KB). */
export const bodyLimit = '4mb';

export function createApp(options: AppOptions): express.Express {
  const { logger, inFlight } = options;
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.post(
    '/api/messages',
    (_req, res, next) => {
      inFlight.count++;
      res.on('close', () => inFlight.count--);
      next();
    },
    express.json({ limit: bodyLimit }),
    async (req, res) => {
      if (!activityEnvelope.safeParse(req.body).success) {
        throw new HttpError(400, 'badRequest', 'The body is not a Bot Framework activity.');
      }
      await options.messages(req, res);
    },
  );

  app.use((_req, _res, next) => next(new HttpError(404, 'notFound', 'Not found.')));

  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const http = toHttpError(error);
    if (http.status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    else logger.info({ path: req.path, status: http.status, reason: http.reason }, 'request refused');
    if (!res.headersSent)
      res.status(http.status).json({ error: { code: http.reason, message: http.message } });
  };
  app.use(onError);
  return app;
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // body-parser marks its own failures with `type` and a 4xx `status`.
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new HttpError(413, 'payloadTooLarge', 'The body is too large.');
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new HttpError(400, 'badRequest', 'The body is not valid JSON.');
  }
  return new HttpError(500, 'internal', 'Internal error.');
}
