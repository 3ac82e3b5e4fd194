import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The last middleware: sends the request with the injected `fetch` (the SDK's HTTPMessageHandler uses the global one). */
export class FetchHandler implements Middleware {
  constructor(private readonly fetchFn: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchFn(context.request, context.options);
  }
}
