// The model provider against a scripted OpenAI-compatible server on
// 127.0.0.1: retries with backoff on 429 and 5xx, Retry-After, no retry on
// other client errors, time limits on a hung endpoint, an unreachable address.

import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider, ProviderError } from '../src/codegen/provider.js';
import type { ChatRequest } from '../src/codegen/chat.js';
import { closedPort, type FakeReply, type FakeServer, startFakeOpenAI } from './helpers/fake-openai.js';

const REQUEST: ChatRequest = { model: 'test-model', messages: [{ role: 'user', content: 'write a game' }], temperature: 0.5, maxTokens: 64, sample: '0' };

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function provider(url: string, overrides: Partial<ConstructorParameters<typeof ChatProvider>[0]> = {}) {
  return new ChatProvider({ baseURL: url, apiKey: 'none', timeoutMs: 5000, retries: 3, retryBaseMs: 20, concurrency: 2, ...overrides });
}

describe('ChatProvider', () => {
  it('sends the model, messages, temperature and max tokens and counts tokens', async () => {
    server = await startFakeOpenAI(() => ({ content: 'hello' }));
    const p = provider(server.url);
    const reply = await p.complete(REQUEST);
    expect(reply.content).toBe('hello');
    expect(reply.finishReason).toBe('stop');
    expect(server.requests[0].body).toMatchObject({ model: 'test-model', messages: REQUEST.messages, temperature: 0.5, max_tokens: 64 });
    expect(reply.usage.promptTokens).toBeGreaterThan(0);
    expect(p.stats).toMatchObject({ calls: 1, attempts: 1, retries: 0, promptTokens: reply.usage.promptTokens, completionTokens: reply.usage.completionTokens });
  });

  it('retries 429 and 500 replies with backoff, honouring Retry-After', async () => {
    const script: FakeReply[] = [{ status: 429, headers: { 'retry-after': '0.3' } }, { status: 500 }, { status: 503 }, { content: 'finally' }];
    server = await startFakeOpenAI((r) => script[r.index]);
    const p = provider(server.url);
    const start = performance.now();
    const reply = await p.complete(REQUEST);
    expect(reply.content).toBe('finally');
    expect(server.requests).toHaveLength(4);
    expect(p.stats).toMatchObject({ calls: 1, attempts: 4, retries: 3 });
    expect(performance.now() - start).toBeGreaterThanOrEqual(300);
  });

  it('gives up after its retries with the status and the server\'s message', async () => {
    server = await startFakeOpenAI(() => ({ status: 502, error: 'upstream down' }));
    const p = provider(server.url, { retries: 2 });
    await expect(p.complete(REQUEST)).rejects.toThrow(/answered 502: upstream down \(3 attempts\)/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a client error such as an unknown model', async () => {
    server = await startFakeOpenAI(() => ({ status: 404, error: 'model "x" not found' }));
    const error = await provider(server.url).complete(REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(404);
    expect((error as Error).message).toBe(`the model endpoint at ${server.url} answered 404: model "x" not found`);
    expect(server.requests).toHaveLength(1);
  });

  it('switches to max_completion_tokens when the endpoint asks for it', async () => {
    server = await startFakeOpenAI((r) => ('max_tokens' in r.body
      ? { status: 400, error: "Unsupported parameter: 'max_tokens'. Use 'max_completion_tokens' instead." }
      : { content: 'ok' }));
    const p = provider(server.url);
    expect((await p.complete(REQUEST)).content).toBe('ok');
    expect((await p.complete(REQUEST)).content).toBe('ok');
    expect(server.requests.map((r) => 'max_completion_tokens' in r.body)).toEqual([false, true, true]);
  });

  it('times out on a hung endpoint with a clear error, retrying first', async () => {
    server = await startFakeOpenAI(() => 'hang');
    const p = provider(server.url, { timeoutMs: 300, retries: 1 });
    const error = await p.complete(REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('timeout');
    expect((error as Error).message).toBe(`the model endpoint at ${server.url} did not answer within 300 ms (2 attempts)`);
    expect(server.requests).toHaveLength(2);
  });

  it('fails at once on an address where nothing listens', async () => {
    const port = await closedPort();
    const error = await provider(`http://127.0.0.1:${port}/v1`).complete(REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('unreachable');
    expect((error as Error).message).toBe(`cannot reach the model endpoint at http://127.0.0.1:${port}/v1 (ECONNREFUSED); is the server running and the URL right?`);
  });

  it('fails at once, without retrying, on a port fetch refuses to use and on a refused connection', async () => {
    // retryBaseMs of 10 s: a single retry would show in the elapsed time.
    const blocked = provider('http://127.0.0.1:9/v1', { retries: 4, retryBaseMs: 10_000 });
    const started = Date.now();
    const error = await blocked.complete(REQUEST).catch((e: unknown) => e);
    expect((error as Error).message).toBe('cannot reach the model endpoint at http://127.0.0.1:9/v1 (bad port); is the server running and the URL right?');
    expect(blocked.stats).toMatchObject({ attempts: 1, retries: 0 });
    const refused = provider(`http://127.0.0.1:${await closedPort()}/v1`, { retries: 4, retryBaseMs: 10_000 });
    await expect(refused.complete(REQUEST)).rejects.toThrow(/ECONNREFUSED/);
    expect(refused.stats).toMatchObject({ attempts: 1, retries: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails at once on 401 and on an unknown model (404)', async () => {
    for (const status of [401, 404]) {
      server = await startFakeOpenAI(() => ({ status, error: status === 401 ? 'bad key' : 'no such model' }));
      const p = provider(server.url, { retries: 4, retryBaseMs: 10_000 });
      await expect(p.complete(REQUEST)).rejects.toThrow(new RegExp(`answered ${status}: ${status === 401 ? 'bad key' : 'no such model'}$`));
      expect(p.stats).toMatchObject({ attempts: 1, retries: 0 });
      await server.close();
    }
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startFakeOpenAI(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      return { content: 'x' };
    });
    const p = provider(server.url, { concurrency: 3 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => p.complete({ ...REQUEST, sample: String(i) })));
    expect(most).toBe(3);
  });
});

