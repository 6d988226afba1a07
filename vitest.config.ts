import { defineConfig } from 'vitest/config';

// isolated-vm needs --no-node-snapshot on Node 20+, so every test worker is a
// forked process started with that flag.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    // Generous: CI shares two cores between forked workers; long games (backgammon) play 1,000 guarded games.
    testTimeout: 300_000,
    // afterAll hooks remove temporary installs (node_modules trees), slow on a loaded machine.
    hookTimeout: 120_000,
  },
});
