import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * msal-node's network module over an injected `fetch`, so tests see token requests next to Graph
 * requests (and can prove none reached Graph when the credential failed), with a timeout.
 */
export class FetchNetworkClient implements INetworkModule {
  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(
    url: string,
    method: 'GET' | 'POST',
    options: NetworkRequestOptions | undefined,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    const response = await this.fetchFn(url, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? (options?.body ?? '') : undefined,
      signal: AbortSignal.timeout(timeout ?? this.timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    // msal reads `body` as the parsed JSON of the token endpoint (errors included).
    const body = (await response.json()) as T;
    return { headers, body, status: response.status };
  }
}
