// A chat-completions client on the `openai` package for any OpenAI-compatible
// endpoint (OpenAI, vLLM, SGLang, Ollama, llama.cpp's server). It adds what a
// long generation run needs: a time limit per request, retries with
// exponential backoff (and Retry-After) on 408/409/429/5xx, timeouts and
// dropped connections, a cap on requests in flight, token accounting, and
// errors that say in one line what went wrong with the endpoint.

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { Limiter } from '../limit.js';
import type { ChatBackend, ChatReply, ChatRequest } from './chat.js';

export interface ProviderOptions {
  baseURL: string;
  apiKey: string;
  /** Time limit of one attempt in ms. */
  timeoutMs: number;
  /** Attempts after the first one, for retryable failures. */
  retries: number;
  /** First backoff delay in ms; it doubles on every retry (with jitter), capped at 30 s. */
  retryBaseMs: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export const DEFAULT_PROVIDER_OPTIONS: Omit<ProviderOptions, 'baseURL' | 'apiKey'> = {
  timeoutMs: 300_000, retries: 4, retryBaseMs: 1000, concurrency: 4,
};

export type ProviderFailure =
  /** Nothing listens at the address, or the host name does not resolve. */
  | 'unreachable'
  /** The endpoint accepted the request but did not answer in time. */
  | 'timeout'
  /** The endpoint answered with an error status. */
  | 'http';

export class ProviderError extends Error {
  override name = 'ProviderError';

  constructor(readonly kind: ProviderFailure, message: string, readonly status?: number) {
    super(message);
  }
}

export interface ProviderStats {
  /** Requests answered by the endpoint. */
  calls: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  retries: number;
  promptTokens: number;
  completionTokens: number;
}

const MAX_BACKOFF_MS = 30_000;
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Connection failures no retry can fix: fetch refuses the port or the URL before connecting. */
const HOPELESS = /bad port|invalid url|unsupported protocol|not a valid url/i;

export class ChatProvider implements ChatBackend {
  readonly stats: ProviderStats = { calls: 0, attempts: 0, retries: 0, promptTokens: 0, completionTokens: 0 };
  private readonly client: OpenAI;
  private readonly limiter: Limiter;
  /** Set once the endpoint refuses `max_tokens` and wants `max_completion_tokens` (newer OpenAI models). */
  private useMaxCompletionTokens = false;

  constructor(readonly options: ProviderOptions) {
    // The SDK's own retries are off: this class retries, so it can count and report them.
    this.client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey, maxRetries: 0, timeout: options.timeoutMs });
    this.limiter = new Limiter(options.concurrency);
  }

  complete(request: ChatRequest): Promise<ChatReply> {
    return this.limiter.run(() => this.withRetries(request));
  }

  private async withRetries(request: ChatRequest): Promise<ChatReply> {
    for (let attempt = 0; ; attempt++) {
      this.stats.attempts++;
      try {
        const reply = await this.attempt(request);
        this.stats.calls++;
        this.stats.promptTokens += reply.usage.promptTokens;
        this.stats.completionTokens += reply.usage.completionTokens;
        return reply;
      } catch (error) {
        if (!this.useMaxCompletionTokens && wantsMaxCompletionTokens(error)) {
          this.useMaxCompletionTokens = true;
          attempt--;
          continue;
        }
        const failure = this.describe(error, attempt + 1);
        if (!failure.retry || attempt >= this.options.retries) throw failure.error;
        this.stats.retries++;
        await sleep(failure.delayMs ?? backoff(this.options.retryBaseMs, attempt));
      }
    }
  }

  private async attempt(request: ChatRequest): Promise<ChatReply> {
    const limit = this.useMaxCompletionTokens ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens };
    const completion = await this.client.chat.completions.create({
      model: request.model, messages: request.messages, temperature: request.temperature, ...limit,
    });
    const choice = completion.choices?.[0];
    if (!choice) throw new ProviderError('http', `the model endpoint at ${this.options.baseURL} answered without a choice`);
    return {
      content: choice.message?.content ?? '',
      usage: { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 },
      finishReason: choice.finish_reason ?? null,
    };
  }

  /** Whether a failure is worth another attempt, and the error to throw if not. */
  private describe(error: unknown, attempts: number): { retry: boolean; delayMs?: number; error: Error } {
    const where = `the model endpoint at ${this.options.baseURL}`;
    const tries = attempts === 1 ? '' : ` (${attempts} attempts)`;
    if (error instanceof ProviderError) return { retry: false, error };
    if (error instanceof APIConnectionTimeoutError) {
      return { retry: true, error: new ProviderError('timeout', `${where} did not answer within ${this.options.timeoutMs} ms${tries}`) };
    }
    if (error instanceof APIConnectionError) {
      const code = connectionCode(error);
      const detail = code ?? rootMessage(error);
      return {
        retry: code === undefined ? !HOPELESS.test(detail) : !REFUSED.has(code),
        error: new ProviderError('unreachable', `cannot reach ${where} (${detail})${tries}; is the server running and the URL right?`),
      };
    }
    if (error instanceof APIError && typeof error.status === 'number') {
      const status = error.status;
      const retry = status === 408 || status === 409 || status === 429 || status >= 500;
      const message = serverMessage(error);
      return {
        retry, delayMs: retryAfterMs(error),
        error: new ProviderError('http', `${where} answered ${status}${message ? `: ${message}` : ''}${tries}`, status),
      };
    }
    return { retry: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

function wantsMaxCompletionTokens(error: unknown): boolean {
  return error instanceof APIError && error.status === 400 && /max_completion_tokens/.test(String(error.message));
}

function backoff(baseMs: number, attempt: number): number {
  const delay = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return delay * (0.5 + Math.random() / 2);
}

function retryAfterMs(error: APIError): number | undefined {
  const header = (error.headers as Headers | undefined)?.get?.('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(MAX_BACKOFF_MS, seconds * 1000);
}

function connectionCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && typeof errors[0]?.code === 'string') return errors[0].code;
  }
  return undefined;
}

function rootMessage(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && (e as { cause?: unknown }).cause; depth++) e = (e as { cause?: unknown }).cause;
  return e instanceof Error ? e.message : String(e);
}

/** The server's own error text, one line, short. */
function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | string | undefined;
  const text = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
