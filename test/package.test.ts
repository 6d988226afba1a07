// gamecwm as a package: `npm pack` it, install the tarball into a fresh
// project, type-check a user's own GameCWM written against
// `import type { GameCWM } from 'gamecwm'` under both module resolutions a
// TypeScript user picks (nodenext, bundler), and run the README's library
// example from the installed package.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from './helpers/temp-dirs.js';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const tempDir = tempDirs('gamecwm-package-');

const USER_GAME = `import type { Action, GameCWM } from 'gamecwm';
import { CHANCE, TERMINAL } from 'gamecwm';

// Three-heap Nim, misère-free: whoever takes the last object wins.
interface State { heaps: number[]; player: number }
type Observation = State;

export const nim: GameCWM<State, Observation> = {
  getInitialState: () => ({ heaps: [3, 4, 5], player: 0 }),
  applyAction(state, action: Action) {
    const [heap, count] = action.split(':').map(Number);
    const heaps = state.heaps.slice();
    heaps[heap] -= count;
    return { heaps, player: 1 - state.player };
  },
  getCurrentPlayer: (state) => (state.heaps.every((h) => h === 0) ? TERMINAL : state.player),
  getPlayerName: (player) => \`Player \${player}\`,
  getRewards: (state) => (state.heaps.every((h) => h === 0) ? (state.player === 0 ? [-1, 1] : [1, -1]) : [0, 0]),
  getLegalActions: (state) => state.heaps.flatMap((h, i) => Array.from({ length: h }, (_, k) => \`\${i}:\${k + 1}\`)),
  getObservations: (state) => [state, state],
};
export const notChance: number = CHANCE;
`;

/** The README's library example, exactly as written there. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- library-example[^>]*-->\n```js\n([^]*?)```/.exec(readme);
  if (!match) throw new Error('README.md has no library example');
  return match[1];
}

describe('the packed package', () => {
  let project: string;

  beforeAll(() => {
    expect(existsSync(join(ROOT, 'dist', 'index.js'))).toBe(true); // npm test builds before vitest runs
    const packs = tempDir();
    const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    project = tempDir();
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
    execFileSync('npm', ['install', join(packs, name), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, stdio: 'pipe' });
  }, 600_000);

  it('ships dist with types and an exports map, and nothing but the public entry point at the root', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'gamecwm', 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(existsSync(join(project, 'node_modules', 'gamecwm', 'dist', 'index.d.ts'))).toBe(true);
  });

  // skipLibCheck false reads every declaration file the package's types reach: none may need
  // a module the user's project cannot resolve (a build-time alias) or Node's types.
  it.each([['nodenext', true], ['bundler', true], ['nodenext', false], ['bundler', false]])('type-checks a user GameCWM importing gamecwm (moduleResolution %s, skipLibCheck %s)', (resolution, skipLibCheck) => {
    const dir = join(project, `${resolution}-${skipLibCheck}`);
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'nim.ts'), USER_GAME);
    const compilerOptions = resolution === 'nodenext'
      ? { module: 'nodenext', moduleResolution: 'nodenext' }
      : { module: 'esnext', moduleResolution: 'bundler' };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { ...compilerOptions, target: 'es2022', strict: true, noEmit: true, skipLibCheck, types: [] }, files: ['nim.ts'],
    }));
    execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: project, encoding: 'utf8' });
    // A mistake against the contract is caught through the package's types.
    writeFileSync(join(dir, 'nim.ts'), USER_GAME.replace('getPlayerName: (player) => `Player ${player}`,', 'getPlayerName: (player) => player,'));
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: project, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/nim\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it('runs the README\'s library example from the installed package', () => {
    writeFileSync(join(project, 'example.mjs'), readmeExample());
    const output = execFileSync(process.execPath, ['--no-node-snapshot', 'example.mjs'], { cwd: project, encoding: 'utf8' }).trim().split('\n');
    const played = JSON.parse(output[0]);
    expect(played.game).toBe('connect4');
    expect(played.wins[0] + played.wins[1] + played.draws).toBe(4);
    expect(played.wins[0]).toBeGreaterThanOrEqual(3); // MCTS with 300 simulations against random
    expect(output[1]).toBe('true');
  }, 300_000);
});
