// The CLI as a user runs it: the built bin in a child process.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAMES } from '../src/games/index.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'gamecwm.js');

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--no-node-snapshot', BIN, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gamecwm games', () => {
  it('lists every built-in game in a table and as JSON', () => {
    const table = run(['games']);
    expect(table.code).toBe(0);
    for (const game of GAMES) expect(table.stdout).toContain(game.info.id);
    const json = JSON.parse(run(['games', '--json']).stdout);
    expect(json.games.map((g: { id: string }) => g.id)).toEqual(GAMES.map((g) => g.info.id));
    // The paper dataset's order (arXiv 2605.24375): the registry keeps it.
    const datasetOrder = ['tic_tac_toe', 'connect4', 'matching_pennies', 'prisoners_dilemma', 'pig', 'dots_and_boxes', 'blackjack',
      'kuhn_poker', 'go', 'breakthrough', 'first_price_auction', 'pentago', 'liars_dice', 'goofspiel', 'battleship', 'checkers', 'chess',
      'leduc_poker', 'havannah', 'negotiation', 'poker_holdem', 'backgammon', 'hanabi', 'y', 'gen_tic_tac_toe', 'gen_chess', 'converge',
      'gin_rummy', 'quadranto', 'hand_of_war'];
    const ids: string[] = json.games.map((g: { id: string }) => g.id);
    expect(ids).toEqual(datasetOrder.filter((id) => ids.includes(id)));
    expect(ids.length).toBeGreaterThanOrEqual(27);
    expect(json.games[0]).toMatchObject({ id: 'tic_tac_toe', players: 2, information: 'perfect', chance: false });
  });
});

describe('gamecwm rules', () => {
  it('prints the rules with their action strings', () => {
    const result = run(['rules', 'tic_tac_toe']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## Action strings');
    expect(result.stdout).toContain('x(0,0)');
  });
});

describe('gamecwm play', () => {
  it('prints one game as a rendered trajectory ending in the returns', () => {
    const result = run(['play', 'tic_tac_toe', '--seed', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Tic-Tac-Toe: random as x vs random as o, seed 3/);
    expect(result.stdout).toMatch(/1\. x \(player 0\): x\(\d,\d\)/);
    expect(result.stdout).toMatch(/returns: x -?\d, o -?\d\n$/);
  });

  it('summarises many games and is reproducible with --json', () => {
    const args = ['play', 'tic_tac_toe', '--games', '300', '--seed', '11', '--json'];
    const first = run(args);
    expect(first.code).toBe(0);
    expect(run(args).stdout).toBe(first.stdout);
    const doc = JSON.parse(first.stdout);
    expect(doc).toMatchObject({ game: 'tic_tac_toe', games: 300, seed: 11, agents: ['random', 'random'] });
    expect(doc.results.wins[0] + doc.results.wins[1] + doc.results.draws).toBe(300);
    expect(doc.trajectories).toBeUndefined();
  });

  it('plays 1,000 kuhn_poker games reproducibly byte for byte, with zero-sum mean returns', () => {
    const args = ['play', 'kuhn_poker', '--agents', 'random,random', '--games', '1000', '--seed', '7', '--json'];
    const first = run(args);
    expect(first.code).toBe(0);
    expect(run(args).stdout).toBe(first.stdout);
    const { results } = JSON.parse(first.stdout);
    expect(results.wins[0] + results.wins[1] + results.draws).toBe(1000);
    expect(results.meanReturns[0] + results.meanReturns[1]).toBe(0);
    expect(Math.abs(results.meanReturns[0])).toBeGreaterThan(0);
  });

  it('includes the trajectory for a single game in JSON', () => {
    const doc = JSON.parse(run(['play', 'tic_tac_toe', '--seed', '1', '--json']).stdout);
    const [trajectory] = doc.trajectories;
    expect(trajectory.actions.length).toBe(trajectory.players.length);
    expect(trajectory.observations.length).toBe(trajectory.actions.length + 1);
    expect(trajectory.returns).toEqual(doc.results.meanReturns);
  });

  it('lets a person play: numbered moves, bad input re-prompts', () => {
    const result = run(['play', 'tic_tac_toe', '--agents', 'human,random', '--seed', '5'], ['x(9,9)', '0', '5', ...Array(8).fill('1')].join('\n') + '\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"x(9,9)" is not one of the moves above');
    expect(result.stdout).toContain('"0" is not one of the moves above');
    expect(result.stdout).toContain('    5. x(1,1)');
    expect(result.stdout).toMatch(/returns: x -?\d, o -?\d/);
  });

  it('ends with one clear line when the input runs out', () => {
    const result = run(['play', 'tic_tac_toe', '--agents', 'human,random'], '');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gamecwm: input ended before the game did\n');
  });
});

describe('bad input', () => {
  it.each([
    [['play', 'chess_960'], /^gamecwm: unknown game "chess_960"; known games: tic_tac_toe/],
    [['rules', 'nope'], /^gamecwm: unknown game "nope"/],
    [['play', 'tic_tac_toe', '--agents', 'random,wizard'], /^gamecwm: unknown agent "wizard"; agents are: random, human/],
    [['play', 'tic_tac_toe', '--agents', 'random'], /^gamecwm: this game has 2 players but 1 agent was given/],
    [['play', 'tic_tac_toe', '--games', '0'], /^gamecwm: --games must be an integer from 1 to 1000000, not "0"/],
    [['play', 'tic_tac_toe', '--games', '2000000'], /^gamecwm: --games must be an integer/],
    [['play', 'tic_tac_toe', '--games', 'many'], /^gamecwm: --games must be an integer/],
    [['play', 'tic_tac_toe', '--seed', '-1'], /^gamecwm: --seed must be an integer from 0 to 4294967295/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j exits 2 with one clear message', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
