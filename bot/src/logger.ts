import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured logs; credentials and message text never reach them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'mamori' },
      redact: {
        paths: ['*.password', '*.appPassword', '*.token', '*.authorization', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
