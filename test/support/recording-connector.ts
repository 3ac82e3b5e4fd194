import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface RecordedCall {
  method: 'POST' | 'PUT';
  /** 'send' (to a conversation), 'reply' (to an activity), 'update', 'createConversation'. */
  kind: 'send' | 'reply' | 'update' | 'createConversation';
  conversationId: string;
  activityId: string | null;
  body: Record<string, unknown>;
}

type Fault = { status: number; body: unknown };

/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` of an activity): records what
 * the bot sends, answers like the real one, and fails on demand.
 */
export class RecordingConnector {
  readonly calls: RecordedCall[] = [];
  private server: http.Server | null = null;
  private faults: { match: (call: RecordedCall) => boolean; fault: Fault }[] = [];
  private nextId = 1;
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '10mb' }));
    app.post('/v3/conversations', (req, res) => {
      const conversationId = `a:created-${this.nextId++}`;
      this.handle(
        res,
        {
          method: 'POST',
          kind: 'createConversation',
          conversationId,
          activityId: null,
          body: req.body as Record<string, unknown>,
        },
        () => ({ id: conversationId }),
      );
    });
    app.post('/v3/conversations/:conversationId/activities', (req, res) => {
      this.handle(
        res,
        {
          method: 'POST',
          kind: 'send',
          conversationId: req.params.conversationId,
          activityId: null,
          body: req.body as Record<string, unknown>,
        },
        () => ({ id: `sent-${this.nextId++}` }),
      );
    });
    app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      this.handle(
        res,
        {
          method: 'POST',
          kind: 'reply',
          conversationId: req.params.conversationId,
          activityId: req.params.activityId,
          body: req.body as Record<string, unknown>,
        },
        () => ({ id: `sent-${this.nextId++}` }),
      );
    });
    app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      this.handle(
        res,
        {
          method: 'PUT',
          kind: 'update',
          conversationId: req.params.conversationId,
          activityId: req.params.activityId,
          body: req.body as Record<string, unknown>,
        },
        () => ({ id: req.params.activityId }),
      );
    });
    this.server = http.createServer(app);
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Makes the next matching call fail with this status and Bot Connector error body. */
  failWhen(match: (call: RecordedCall) => boolean, fault: Fault): void {
    this.faults.push({ match, fault });
  }

  /** Messages the bot sent (replies and proactive sends), in order. */
  messages(): Record<string, unknown>[] {
    return this.calls.filter((c) => c.kind === 'send' || c.kind === 'reply').map((c) => c.body);
  }

  /** Resolves once at least `count` calls have been recorded. */
  waitForCalls(count: number, timeoutMs = 5000): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} connector calls, got ${this.calls.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  clear(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Delay before every answer, to keep a turn in flight. */
  latencyMs = 0;

  private handle(res: express.Response, call: RecordedCall, ok: () => unknown): void {
    if (this.latencyMs > 0) {
      const latency = this.latencyMs;
      setTimeout(() => this.answer(res, call, ok), latency);
      return;
    }
    this.answer(res, call, ok);
  }

  private answer(res: express.Response, call: RecordedCall, ok: () => unknown): void {
    const index = this.faults.findIndex((f) => f.match(call));
    if (index >= 0) {
      const { fault } = this.faults.splice(index, 1)[0]!;
      res.status(fault.status).json(fault.body);
      return;
    }
    this.calls.push(call);
    res.status(call.kind === 'createConversation' ? 201 : 200).json(ok());
    this.waiters = this.waiters.filter((w) => (this.calls.length >= w.count ? (w.resolve(), false) : true));
  }
}
