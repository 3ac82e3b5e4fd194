/** The one HTTP error type: status plus a safe, fixed message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: 'badRequest' | 'payloadTooLarge' | 'unauthorized' | 'notFound' | 'internal',
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
