// A game outside the 30 built-ins, as a user makes one: a facts file validated
// field by field, `verify --info` running every tier that needs no reference
// plus the game's own scenarios and saying what it skipped, play and arena on
// the module with faulty rules ending a match in one line, and `init` writing
// a starting point (a tiny game that verifies) without overwriting anything.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const NIM = resolve(import.meta.dirname, 'fixtures', 'nim');
const NIM_SOURCE = readFileSync(join(NIM, 'nim.ts'), 'utf8');
const tempDir = tempDirs('gamecwm-new-game-');

/** A copy of the Nim fixture in a fresh folder, with its module and facts changed as given. */
function nimCopy(change: { source?: (text: string) => string; facts?: Record<string, unknown> } = {}): { dir: string; module: string; facts: string } {
  const dir = tempDir();
  for (const name of ['rules.md', 'scenarios.json']) copyFileSync(join(NIM, name), join(dir, name));
  writeFileSync(join(dir, 'nim.ts'), change.source ? change.source(NIM_SOURCE) : NIM_SOURCE);
  const facts = { ...JSON.parse(readFileSync(join(NIM, 'facts.json'), 'utf8')), ...change.facts };
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
  return { dir, module: join(dir, 'nim.ts'), facts: join(dir, 'facts.json') };
}

function expectOneLineErrors(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const line of stderr.trimEnd().split('\n')) expect(line).toMatch(/^gamecwm: /);
}

describe('a new game\'s facts file', () => {
  it('reports every problem on its own line, naming the file and the field', async () => {
    const dir = tempDir();
    const facts = join(dir, 'facts.json');
    writeFileSync(facts, JSON.stringify({
      id: 'Nim', players: 0, colour: 'red', maxGameLength: 'long', scenarios: [{ name: 'x', actions: [1], expect: { winner: 'me', lead: 1 } }],
    }));
    const result = await runCli(['verify', join(NIM, 'nim.ts'), '--info', facts]);
    expect(result.code).toBe(2);
    expectOneLineErrors(result.stderr);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      `gamecwm: ${facts}: unknown field "colour" (the fields are id, title, players, information, chance, utility, maxGameLength, rewardRange, verifyTimeScale, rules, scenarios)`,
      `gamecwm: ${facts}: "id" must be lower-case letters, digits and underscores, starting with a letter, not "Nim"`,
      `gamecwm: ${facts}: "players" must be an integer from 1 to 16, not 0`,
      `gamecwm: ${facts}: "maxGameLength" must be an integer from 1 to 1000000, not "long"`,
      `gamecwm: ${facts}: scenarios[0].actions must be a list of action strings`,
      `gamecwm: ${facts}: scenarios[0].expect.winner must be a player number, or null for a tie, not "me"`,
      `gamecwm: ${facts}: scenarios[0].expect.lead: unknown expectation (use terminal, currentPlayer, rewards, rewardSigns, winner, legalActions, illegalActions)`,
    ]));
    expect(lines).toHaveLength(7);
  });

  it('names a scenarios file\'s problems by its own path, and a file it cannot read', async () => {
    const { dir, module, facts } = nimCopy();
    writeFileSync(join(dir, 'scenarios.json'), JSON.stringify([{ name: 'short', actions: [], expect: { rewards: [1] } }]));
    const result = await runCli(['verify', module, '--info', facts]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gamecwm: ${join(dir, 'scenarios.json')}: [0].expect.rewards must be a list of numbers, one for each of the 2 players, not [1]\n`);
    const missing = nimCopy({ facts: { rules: 'nowhere.md' } });
    const unread = await runCli(['verify', missing.module, '--info', missing.facts]);
    expect(unread.code).toBe(2);
    expect(unread.stderr).toBe(`gamecwm: ${missing.facts}: "rules": cannot read ${join(missing.dir, 'nowhere.md')}\n`);
  });
});

describe('verify --info', () => {
  it('runs every tier that needs no reference plus the game\'s scenarios, and says which tiers it skipped', async () => {
    const { module, facts } = nimCopy();
    const text = await runCli(['verify', module, '--info', facts, '--playouts', '30']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\(nim\): PASS/);
    expect(text.stdout).toMatch(/scenarios +3\/3 +\(the game's own scenarios\)/);
    expect(text.stdout).toContain('skipped: differential (it needs a built-in reference)');

    const json = await runCli(['verify', module, '--info', facts, '--playouts', '30', '--json']);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ game: 'nim', ok: true, skipped: { differential: 'no built-in reference for this game: skipped' } });
    expect(report.tiers.scenarios).toMatchObject({ applicable: true, passed: 3, total: 3 });
    expect(report.tiers.information.applicable).toBe(false);
    expect(report.skipped.information).toBeUndefined(); // perfect information: does not apply, not skipped

    const bare = nimCopy({ facts: { scenarios: undefined } });
    const withoutScenarios = JSON.parse((await runCli(['verify', bare.module, '--info', bare.facts, '--playouts', '30', '--json'])).stdout);
    expect(Object.keys(withoutScenarios.skipped).sort()).toEqual(['differential', 'scenarios']);
    expect(withoutScenarios.ok).toBe(true);
  });

  it('fails a module that breaks one of the game\'s scenarios, with the scenario\'s message', async () => {
    const { module, facts } = nimCopy({ source: (s) => s.replace('return state.winner === 0 ? [1, -1] : [-1, 1];', 'return state.winner === 0 ? [-1, 1] : [1, -1];') });
    const result = await runCli(['verify', module, '--info', facts, '--playouts', '30', '--json']);
    expect(result.code).toBe(1);
    const failing = JSON.parse(result.stdout).tiers.scenarios.checks.filter((c: { passed: boolean }) => !c.passed);
    expect(failing.map((c: { name: string }) => c.name)).toEqual(['scenario: emptying heaps in turn, the last taker wins']);
    expect(failing[0].message).toContain('the rewards should be [1,-1], not [-1,1]');
  });

  it('refuses a built-in game\'s id with --info, and a new game without a description', async () => {
    const { facts } = nimCopy();
    const builtIn = await runCli(['verify', join(NIM, 'nim.ts'), '--game', 'tic_tac_toe', '--info', facts]);
    expect(builtIn.code).toBe(2);
    expect(builtIn.stderr).toMatch(/^gamecwm: tic_tac_toe is a built-in game: its facts come from the registry/);
    const unknown = await runCli(['verify', join(NIM, 'nim.ts'), '--game', 'nim']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('gamecwm: "nim" is not a built-in game (see `gamecwm games`); for a new game give its facts with --info FILE.json or its rules with --rules FILE\n');
  });
});

describe('play and arena on a new game', () => {
  it('play --cwm --info plays a game of a module that is not built in', async () => {
    const { module, facts } = nimCopy();
    const result = await runCli(['play', '--cwm', module, '--info', facts, '--seed', '3', '--json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.game).toBe('nim');
    expect(document.trajectories[0].actions.length).toBeLessThanOrEqual(12);
    expect(document.results.wins[0] + document.results.wins[1]).toBe(1);
  });

  it('needs --cwm for a new game', async () => {
    const { facts } = nimCopy();
    const result = await runCli(['arena', '--info', facts, '--agents', 'random,random']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gamecwm: nim is a new game: give its module with --cwm FILE\n');
  });

  const faults: Array<[string, { source?: (s: string) => string; facts?: Record<string, unknown> }, string[], RegExp]> = [
    ['runs past its declared length', { facts: { maxGameLength: 4 } }, [],
      /^gamecwm: game 1 of the match \(seed 5\): the game did not end within 4 actions \(its declared maxGameLength\), after \[.*\]\n$/],
    ['throws', { source: (s) => s.replace("const parts = action.slice(1).split(':');", "if (state.player === 1) throw new Error('the second move is cursed');\n  const parts = action.slice(1).split(':');") }, [],
      /^gamecwm: the candidate failed.*the second move is cursed.*\n$/],
    ['loops for ever', { source: (s) => s.replace('if (state.winner === null) return [0, 0];', 'while (state.winner !== null) { /* never ends */ }\n  return [0, 0];') }, ['--timeout-ms', '300'],
      /^gamecwm: the candidate exceeded the 300 ms time limit while running .*\n$/],
    ['names a player who is not there', { source: (s) => s.replace('return state.player;', 'return state.player === 1 ? 7 : state.player;') }, [],
      /^gamecwm: game 1 of the match \(seed 5\): getCurrentPlayer returned 7: not a player \(0-1\), CHANCE \(-1\) or TERMINAL \(-4\)\n$/],
  ];

  it.each(faults)('a module that %s ends the match with one line and exit 1', async (_, change, extra, message) => {
    const { module, facts } = nimCopy(change);
    for (const command of [['play', '--games', '3'], ['arena', '--agents', 'random,random', '--games', '3']]) {
      const result = await runCli([...command, '--cwm', module, '--info', facts, '--seed', '5', ...extra]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('gamecwm init', () => {
  it.each([[[]], [['--chance']], [['--imperfect']], [['--imperfect', '--chance']]])('writes a starting point that verifies and plays (%j)', async (flags) => {
    const dir = join(tempDir(), 'my_game');
    const result = await runCli(['init', dir, '--name', 'my_game', ...flags]);
    expect(result.code).toBe(0);
    for (const name of ['rules.md', 'facts.json', 'scenarios.json', 'my_game.ts']) expect(existsSync(join(dir, name))).toBe(true);
    const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8'));
    expect(facts).toMatchObject({
      id: 'my_game', players: 2, information: flags.includes('--imperfect') ? 'imperfect' : 'perfect', chance: flags.includes('--chance'),
      rules: 'rules.md', scenarios: 'scenarios.json',
    });
    expect(readFileSync(join(dir, 'rules.md'), 'utf8')).toContain('## Action strings');

    const verified = await runCli(['verify', join(dir, 'my_game.ts'), '--info', join(dir, 'facts.json'), '--playouts', '30', '--json']);
    expect(verified.stderr).toBe('');
    const report = JSON.parse(verified.stdout);
    expect(report.ok).toBe(true);
    expect(report.tiers.scenarios.passed).toBeGreaterThanOrEqual(3);
    expect(report.tiers.information.applicable).toBe(flags.includes('--imperfect'));
    const search = flags.includes('--imperfect') ? 'ismcts:50' : 'mcts:50';
    const arena = await runCli(['arena', '--cwm', join(dir, 'my_game.ts'), '--info', join(dir, 'facts.json'), '--agents', `${search},random`, '--games', '4', '--json']);
    expect(arena.code).toBe(0);
    expect(JSON.parse(arena.stdout).game).toBe('my_game');
  });

  it('refuses to overwrite a file, in one line, and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scenarios.json'), 'mine\n');
    const result = await runCli(['init', dir, '--name', 'my_game']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gamecwm: ${join(dir, 'scenarios.json')} already exists: init writes only new files (choose another folder or move it away)\n`);
    expect(readFileSync(join(dir, 'scenarios.json'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'rules.md'))).toBe(false);
  });

  it('refuses a bad name and a built-in game\'s', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    expect((await runCli(['init', join(dir, 'x'), '--name', 'My-Game'])).stderr).toMatch(/^gamecwm: --name must be lower-case letters/);
    const builtIn = await runCli(['init', join(dir, 'x'), '--name', 'connect4']);
    expect(builtIn.code).toBe(2);
    expect(builtIn.stderr).toBe('gamecwm: connect4 is a built-in game: choose another name for a new game\n');
  });
});
