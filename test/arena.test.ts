// The arena and sandboxed play from the command line, and agent specs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentSpecError, parseAgentSpec } from '../src/agents/spec.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'gamecwm.js');
const TIC_TAC_TOE = resolve(import.meta.dirname, '..', 'src', 'games', 'tic_tac_toe', 'game.ts');

function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--no-node-snapshot', BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('agent specs', () => {
  it('parses search agents with and without iterations', () => {
    expect(parseAgentSpec('mcts')).toEqual({ kind: 'mcts', iterations: 1000, label: 'mcts:1000' });
    expect(parseAgentSpec('ismcts:250')).toEqual({ kind: 'ismcts', iterations: 250, label: 'ismcts:250' });
    expect(() => parseAgentSpec('mcts:lots')).toThrow(AgentSpecError);
    expect(() => parseAgentSpec('mcts:0')).toThrow(/iterations must be an integer from 1/);
    expect(() => parseAgentSpec('random:3')).toThrow(/takes no parameters/);
  });
});

describe('gamecwm arena', () => {
  it('swaps seats and reports wins, draws, mean returns with 95% intervals as JSON, reproducibly', () => {
    const args = ['arena', 'tic_tac_toe', '--agents', 'mcts:300,random', '--games', '20', '--seed', '4', '--json'];
    const first = run(args);
    expect(first.code).toBe(0);
    expect(run(args).stdout).toBe(first.stdout);
    const doc = JSON.parse(first.stdout);
    expect(doc).toMatchObject({ game: 'tic_tac_toe', games: 20, agents: ['mcts:300', 'random'] });
    expect(doc.results.wins[0] + doc.results.wins[1] + doc.results.draws).toBe(20);
    expect(doc.results.wins[1]).toBe(0);
    expect(doc.results.ci95).toHaveLength(2);
    expect(doc.results.ci95[0]).toBeGreaterThan(0);
  });

  it('prints a table with games per second for people', () => {
    const result = run(['arena', 'kuhn_poker', '--agents', 'ismcts:100,random', '--games', '30']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ismcts:100\s+\d+\s+-?\d\.\d{3} ± \d\.\d{3}/);
    expect(result.stdout).toMatch(/draws: \d+ {3}[\d.]+ games\/s/);
  });

  it('plays a candidate file inside the sandbox with the same moves as natively', () => {
    const args = ['arena', 'tic_tac_toe', '--agents', 'mcts:200,random', '--games', '6', '--seed', '2', '--json'];
    const native = run(args);
    const sandboxed = run([...args, '--cwm', TIC_TAC_TOE]);
    expect(sandboxed.code).toBe(0);
    expect(sandboxed.stdout).toBe(native.stdout);
  });

  it('ends a match with a hostile candidate with one clear error, never a hang', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gamecwm-arena-'));
    const loop = join(dir, 'loop.ts');
    writeFileSync(loop, [
      'export type State = number; export type Observation = number;',
      'export function getInitialState(): State { return 0; }',
      'export function applyAction(s: State, a: string): State { for (;;) {} }',
      'export function getCurrentPlayer(s: State): number { return 0; }',
      'export function getPlayerName(p: number): string { return "p"; }',
      'export function getRewards(s: State): number[] { return [0, 0]; }',
      'export function getLegalActions(s: State): string[] { return ["x(0,0)"]; }',
      'export function getObservations(s: State): Observation[] { return [s, s]; }',
    ].join('\n'));
    const bomb = join(dir, 'bomb.ts');
    writeFileSync(bomb, [
      'export type State = number; export type Observation = number;',
      'export function getInitialState(): State { const a: number[][] = []; for (;;) a.push(new Array(100000).fill(1)); }',
      'export function applyAction(s: State, a: string): State { return s; }',
      'export function getCurrentPlayer(s: State): number { return 0; }',
      'export function getPlayerName(p: number): string { return "p"; }',
      'export function getRewards(s: State): number[] { return [0, 0]; }',
      'export function getLegalActions(s: State): string[] { return ["x(0,0)"]; }',
      'export function getObservations(s: State): Observation[] { return [s, s]; }',
    ].join('\n'));
    const looping = run(['arena', 'tic_tac_toe', '--agents', 'mcts:50,random', '--games', '2', '--cwm', loop, '--timeout-ms', '500']);
    expect(looping.code).toBe(1);
    expect(looping.stderr).toBe('gamecwm: the candidate exceeded the 500 ms time limit while running the mcts search (an infinite loop or far too much work?)\n');
    const exploding = run(['arena', 'tic_tac_toe', '--agents', 'random,random', '--games', '2', '--cwm', bomb, '--memory-mb', '32']);
    expect(exploding.code).toBe(1);
    expect(exploding.stderr).toMatch(/^gamecwm: the candidate exceeded the 32 MB memory limit while running getInitialState\n$/);
  });

  it.each([
    [['arena', 'tic_tac_toe', '--agents', 'mcts,human'], /the arena is for programs/],
    [['arena', 'leduc_poker', '--agents', 'mcts,random'], /mcts searches from the true state, which leduc_poker hides; use ismcts/],
    [['arena', 'tic_tac_toe', '--agents', 'ismcts,random'], /ismcts needs the game's resampleHistory/],
    [['arena', 'tic_tac_toe', '--agents', 'mcts:x,random'], /iterations must be an integer/],
    [['arena', 'tic_tac_toe', '--agents', 'random,random', '--cwm', '/no/such.ts'], /cannot read \/no\/such\.ts/],
    [['arena', 'tic_tac_toe', '--agents', 'random,random', '--mcts-c', '-1'], /--mcts-c must be a number from 0 to 100/],
  ])('%j is a user error (exit 2)', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('gamecwm play with search agents', () => {
  it('plays MCTS against a person-free random seat and prints the trajectory', () => {
    const result = run(['play', 'connect4', '--agents', 'mcts:200,random', '--seed', '1', '--rollouts', '2', '--mcts-c', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Connect Four: mcts:200 as x vs random as o, seed 1/);
    expect(result.stdout).toMatch(/returns: x 1, o -1\n$/);
  });
});
