// The reward service: an HTTP server (node:http) a trainer calls for the RLVR
// reward of its completions.
//
//   POST /reward  {"game": id | [id per completion], "completions": [..], "lang"?: "ts"|"python",
//                  "reward"?: "paper"|"strict" (default: the service's --reward)}
//              -> {"rewards": [..], "details": [..]}
//   GET  /health  -> {"ok": true, "running", "queued", "games"}
//
// Completions are verified at most `concurrency` at a time (the static tier
// runs on this thread; the sandboxed checks of every completion in progress
// take turns on the verifier's sandbox pool, least time used first); more than
// `maxQueued` waiting completions get 503. A body over `maxBodyBytes` gets
// 413, a request not answered within `requestTimeoutMs` gets 504 (its
// completions still waiting are dropped), and every error is JSON
// {"error": message} with its status code.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CodeLanguage } from '../codegen/extract.js';
import { findGame, GAMES } from '../games/index.js';
import { FleetError } from '../fleet/errors.js';
import { Limiter } from '../limit.js';
import type { RewardKind } from '../verifier/scores.js';
import { completionText, type RewardDetail, type RewardScorer } from './score.js';

export interface RewardServerOptions {
  host: string;
  port: number;
  /** Completions verified at once. */
  concurrency: number;
  /** Completions allowed to wait for a slot, across requests. */
  maxQueued: number;
  /** Completions in one request. */
  maxCompletions: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
}

export const DEFAULT_REWARD_SERVER_OPTIONS: RewardServerOptions = {
  host: '127.0.0.1', port: 8765, concurrency: 3, maxQueued: 1024, maxCompletions: 256, maxBodyBytes: 8 * 1024 * 1024, requestTimeoutMs: 300_000,
};

export interface RewardServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

interface RewardRequest {
  games: string[];
  completions: string[];
  language: CodeLanguage;
  /** Absent: the service's --reward. */
  reward?: RewardKind;
}

export async function startRewardServer(scorer: RewardScorer, partial: Partial<RewardServerOptions> = {}): Promise<RewardServer> {
  const options = { ...DEFAULT_REWARD_SERVER_OPTIONS, ...partial };
  const limiter = new Limiter(options.concurrency);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET /health', { allow: 'GET' });
      send(res, 200, { ok: true, running: limiter.running, queued: limiter.queued, games: GAMES.map((g) => g.info.id) });
      return;
    }
    if (path !== '/reward') throw new HttpError(404, `no such endpoint ${path}; use POST /reward or GET /health`);
    if (req.method !== 'POST') throw new HttpError(405, 'use POST /reward', { allow: 'POST' });
    const request = parseRewardRequest(await readBody(req, options.maxBodyBytes), options.maxCompletions);
    if (limiter.queued + request.completions.length > options.maxQueued) {
      throw new HttpError(503, `busy: ${limiter.queued} completions are waiting; retry later`, { 'retry-after': '1' });
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new HttpError(504, `not answered within ${options.requestTimeoutMs} ms`)), options.requestTimeoutMs);
    // A client that hangs up frees the queue of its completions.
    res.on('close', () => { if (!res.writableFinished) abort.abort(new HttpError(499, 'the client closed the connection')); });
    try {
      const work = Promise.all(request.completions.map((completion, i) => limiter.run(() => scoreOne(scorer, request.games[i], completion, request.language, request.reward), abort.signal)));
      const aborted = new Promise<never>((_, reject) => {
        if (abort.signal.aborted) reject(abort.signal.reason);
        abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true });
      });
      work.catch(() => undefined);
      const details = await Promise.race([work, aborted]);
      send(res, 200, { rewards: details.map((d) => d.reward), details });
    } finally {
      clearTimeout(timer);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof HttpError) {
        send(res, error.status, { error: error.message }, error.headers);
        // A body left unread (too large) ends the connection rather than being drained.
        if (error.status === 413) res.on('finish', () => req.destroy());
      } else {
        send(res, 500, { error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
  });
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function scoreOne(scorer: RewardScorer, gameId: string, completion: string, language: CodeLanguage, reward?: RewardKind): Promise<RewardDetail> {
  const game = findGame(gameId)!;
  try {
    return await scorer.score(game.info, game.info.id, completion, language, reward);
  } catch (error) {
    // The fleet is down (Redis away, no worker answering): the request fails, the trainer retries later.
    if (error instanceof FleetError) throw new HttpError(503, error.message, { 'retry-after': '5' });
    // A failure of the verifier itself, not of the completion: score 0 and say why.
    return { reward: 0, ok: false, portable: null, eval: 0, transitionAccuracy: 0, fenced: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new HttpError(413, `the body is over ${maxBytes} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        reject(new HttpError(413, `the body is over ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseRewardRequest(body: string, maxCompletions: number): RewardRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'the body must be a JSON object {"game", "completions", "lang"?}');
  const { game, completions, lang, reward } = parsed as Record<string, unknown>;
  if (!Array.isArray(completions)) throw new HttpError(400, '"completions" must be an array of strings (or of message lists)');
  if (completions.length === 0) throw new HttpError(400, '"completions" is empty');
  if (completions.length > maxCompletions) throw new HttpError(413, `at most ${maxCompletions} completions per request, not ${completions.length}`);
  const texts = completions.map((c, i) => {
    const text = completionText(c);
    if (text === null) throw new HttpError(400, `completions[${i}] must be a string or a list of {"role", "content"} messages`);
    return text;
  });
  let games: string[];
  if (typeof game === 'string') games = texts.map(() => game);
  else if (Array.isArray(game) && game.length === texts.length && game.every((g) => typeof g === 'string')) games = game as string[];
  else throw new HttpError(400, '"game" must be a game id, or an array of ids as long as "completions"');
  for (const id of new Set(games)) {
    if (!findGame(id)) throw new HttpError(422, `unknown game "${id.slice(0, 100)}" (see GET /health or \`gamecwm games\`)`);
  }
  const language = lang ?? 'ts';
  if (language !== 'ts' && language !== 'python') throw new HttpError(400, '"lang" must be "ts" or "python"');
  if (reward !== undefined && reward !== 'paper' && reward !== 'strict') throw new HttpError(400, '"reward" must be "paper" or "strict"');
  return { games, completions: texts, language, ...(reward === undefined ? {} : { reward }) };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
