// Connections to Redis from a URL: redis://[[user]:password@]host[:port][/db]
// or rediss://... for TLS. Every fleet component owns its ioredis clients
// (BullMQ takes them as they are), so it sees their events: a producer gives
// up with a FleetError when Redis stays away; a worker keeps retrying.

import { Redis } from 'ioredis';
import { FleetError, redisCause } from './errors.js';

export interface RedisEndpoint {
  url: string;
  /** The URL without its password, for messages and logs. */
  label: string;
}

export function parseRedisUrl(text: string): RedisEndpoint {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FleetError(`--redis must be a URL such as redis://127.0.0.1:6379 or rediss://:password@host:6380, not "${text}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new FleetError(`--redis must start with redis:// (or rediss:// for TLS), not "${url.protocol}//"`);
  }
  if (url.hostname === '') throw new FleetError(`--redis needs a host: redis://HOST:PORT, not "${text}"`);
  const label = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  return { url: text, label };
}

/** A client as BullMQ wants it (commands wait through reconnections), reconnecting every `retryMs` at most. */
export function openRedis(endpoint: RedisEndpoint, role: string, retryMs = 500): Redis {
  const client = new Redis(endpoint.url, {
    maxRetriesPerRequest: null,
    connectionName: `gamecwm-${role}`,
    retryStrategy: (times) => Math.min(50 * 2 ** times, retryMs),
  });
  // Errors are read through connection events (watchConnection); without a listener ioredis prints them.
  client.on('error', () => undefined);
  return client;
}

/** Resolves once the client is connected; a FleetError naming the cause after `timeoutMs`. */
export function whenReady(client: Redis, endpoint: RedisEndpoint, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let last: unknown = 'no answer';
    const onError = (error: unknown) => { last = error; };
    const done = () => {
      clearTimeout(timer);
      client.off('error', onError);
      client.off('ready', onReady);
    };
    const onReady = () => { done(); resolve(); };
    const timer = setTimeout(() => {
      done();
      reject(new FleetError(`cannot reach Redis at ${endpoint.label} within ${timeoutMs} ms (${redisCause(last)})`));
    }, timeoutMs);
    client.on('error', onError);
    client.on('ready', onReady);
  });
}

/**
 * Calls `onLost` once the client has been disconnected for `giveUpMs` in a
 * row (it keeps reconnecting meanwhile: a Redis restart is survived), and
 * `onChange` on every loss and recovery. Returns a function that stops watching.
 */
export function watchConnection(
  client: Redis, endpoint: RedisEndpoint, giveUpMs: number,
  onLost: (error: FleetError) => void, onChange: (up: boolean, cause: string) => void = () => undefined,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let last: unknown = 'the connection closed';
  const onError = (error: unknown) => { last = error; };
  const onClose = () => {
    if (timer) return;
    onChange(false, redisCause(last));
    timer = setTimeout(() => onLost(new FleetError(`lost the connection to Redis at ${endpoint.label} (${redisCause(last)}; no answer for ${giveUpMs} ms)`)), giveUpMs);
  };
  const onReady = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = undefined;
    onChange(true, '');
  };
  client.on('error', onError);
  client.on('close', onClose);
  client.on('ready', onReady);
  return () => {
    clearTimeout(timer);
    client.off('error', onError);
    client.off('close', onClose);
    client.off('ready', onReady);
  };
}
