// A scripted OpenAI-compatible chat-completions server on 127.0.0.1 for
// tests: no network, every request recorded, each reply decided by a script
// (a reply, an error status, or a request left hanging).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';

export interface FakeRequest {
  /** 0-based arrival order. */
  index: number;
  body: { model: string; messages: Array<{ role: string; content: string }>; temperature?: number; max_tokens?: number };
  /** The raw body, to compare requests exactly. */
  raw: string;
}

export type FakeReply =
  | { content: string; finishReason?: string }
  | { status: number; error?: string; headers?: Record<string, string> }
  | 'hang';

export type Script = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  /** Base URL with /v1, as the openai package wants it. */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(script: Script): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = { index: requests.length, body: JSON.parse(raw), raw };
      requests.push(request);
      const reply = await script(request);
      if (reply === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify({ error: { message: reply.error ?? `scripted ${reply.status}`, type: 'scripted' } }));
        return;
      }
      const promptTokens = Math.ceil(raw.length / 4);
      const completionTokens = Math.ceil(reply.content.length / 4);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: `chatcmpl-${request.index}`, object: 'chat.completion', created: 0, model: request.body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: reply.finishReason ?? 'stop' }],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on: bound once, then released. */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
