// A real redis-server for the fleet's tests (src/fleet/local-redis.ts). A
// missing redis-server fails the tests, never skips them: .ci/run installs it.

export { freePort, type RedisServer, startRedis } from '../../src/fleet/local-redis.js';
