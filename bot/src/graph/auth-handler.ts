import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError } from './graph-error';
import { removeRequestHeader, requestUrl, setRequestHeader } from './request-context';

/**
 * Adds `Authorization: Bearer <token>` to requests for the Graph origin only (a nextLink or a
 * redirect to any other origin never sees the token). The SDK's own AuthenticationHandler is not
 * used: it attaches tokens only to `https://` Graph hosts, so never to the local simulator.
 */
export class BearerAuthHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly provider: AuthenticationProvider,
    private readonly graphOrigin: string,
  ) {}

  async execute(context: Context): Promise<void> {
    if (originOf(requestUrl(context)) === this.graphOrigin) {
      setRequestHeader(context, 'Authorization', `Bearer ${await this.token()}`);
    } else {
      removeRequestHeader(context, 'Authorization');
    }
    if (!this.next) throw new Error('BearerAuthHandler needs a next middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private async token(): Promise<string> {
    try {
      return await this.provider.getAccessToken();
    } catch (error) {
      if (error instanceof GraphError) throw error;
      throw new GraphError({
        reason: 'credentialFailure',
        status: 0,
        message: 'Could not get an access token for Microsoft Graph',
        cause: error,
      });
    }
  }
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A fixed token: the local simulator accepts any bearer token. */
export function staticTokenProvider(token: string): AuthenticationProvider {
  return { getAccessToken: () => Promise.resolve(token) };
}
