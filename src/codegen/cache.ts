// Durable replies. Every reply is stored under the run folder, keyed by a hash
// of its request (model, messages, temperature, max tokens, draw), and
// written atomically before anyone uses it. An interrupted run therefore
// resumes without repeating a call, and a rerun with the same settings makes
// no call at all: the network provider is only asked on a miss.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files.js';
import type { ChatBackend, ChatReply, ChatRequest } from './chat.js';

/** The cache key: a SHA-256 over the fields that decide the reply. */
export function requestKey(request: ChatRequest): string {
  const canonical = JSON.stringify([request.model, request.messages.map((m) => [m.role, m.content]), request.temperature, request.maxTokens, request.sample]);
  return createHash('sha256').update(canonical).digest('hex');
}

interface CacheEntry {
  key: string;
  request: ChatRequest;
  reply: ChatReply;
  savedAt: string;
}

export interface CacheStats {
  /** Replies served from the folder. */
  hits: number;
  /** Replies fetched from the backend (and stored). */
  misses: number;
  /** Tokens of every reply used, cached or fetched. */
  promptTokens: number;
  completionTokens: number;
}

export class ReplyCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, promptTokens: 0, completionTokens: 0 };

  /**
   * @param dir the folder of the entries, `<key>.json` each
   * @param backend asked on a miss; created on first use, so a fully cached run never builds a client
   * @param onReply told about every reply as it is used
   */
  constructor(
    readonly dir: string,
    private readonly backend: () => ChatBackend,
    private readonly onReply?: (reply: ChatReply, cached: boolean) => void,
  ) {}

  pathOf(request: ChatRequest): string {
    return join(this.dir, `${requestKey(request)}.json`);
  }

  async complete(request: ChatRequest): Promise<ChatReply> {
    const path = this.pathOf(request);
    const stored = readEntry(path);
    let reply: ChatReply;
    if (stored) {
      this.stats.hits++;
      reply = stored.reply;
    } else {
      reply = await this.backend().complete(request);
      const entry: CacheEntry = { key: requestKey(request), request, reply, savedAt: new Date().toISOString() };
      writeFileAtomic(path, `${JSON.stringify(entry, null, 1)}\n`);
      this.stats.misses++;
    }
    this.stats.promptTokens += reply.usage.promptTokens;
    this.stats.completionTokens += reply.usage.completionTokens;
    this.onReply?.(reply, stored !== null);
    return reply;
  }
}

/** A stored entry, or null when there is none or it is unreadable (then the call is made again). */
function readEntry(path: string): CacheEntry | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const entry = JSON.parse(text) as CacheEntry;
    if (typeof entry?.reply?.content !== 'string' || typeof entry.reply.usage?.promptTokens !== 'number') return null;
    return entry;
  } catch {
    return null;
  }
}
