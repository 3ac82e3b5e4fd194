import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny Entra-like token endpoint on loopback, for msal client-credentials tests. */
export interface TokenServer {
  /** `http://127.0.0.1:PORT`: the authority host to give msal. */
  url: string;
  requests: { method: string; path: string; form: URLSearchParams }[];
  /** How the next token requests are answered; default: a fresh token valid for an hour. */
  answer: (count: number) => { status: number; body: unknown };
  close(): Promise<void>;
}

export async function startTokenServer(): Promise<TokenServer> {
  const state: TokenServer = {
    url: '',
    requests: [],
    answer: (count) => ({
      status: 200,
      body: { token_type: 'Bearer', access_token: `token-${count}`, expires_in: 3600, ext_expires_in: 3600 },
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      state.requests.push({ method: req.method ?? '', path, form: new URLSearchParams(raw) });
      const { status, body } = state.answer(state.requests.length);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
