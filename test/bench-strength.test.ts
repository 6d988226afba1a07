// `gamecwm bench strength` in-process through main(): the control run (each
// game's reference module in the sandbox) on tic_tac_toe comes out fair and
// beats random; deliberately broken candidates have their fallbacks counted
// (illegal choices, errors) and the one that throws loses to the reference
// MCTS; a back-translated Python candidate plays
// like the reference; a `bench generate` folder is read through its
// summaries; bad input is one line and exit 2; the same seed gives the same
// data. Also the runner's minimal extension: the true actions reach only the
// agents that ask for them.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PythonTranslator } from '../src/codegen/python/translate.js';
import type { Agent, DecisionContext } from '../src/engine/agent.js';
import { playMatch } from '../src/engine/match.js';
import { gameModulePath } from '../src/games/files.js';
import { getGame } from '../src/games/index.js';
import { findCandidates } from '../src/bench/strength.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const TIC_TAC_TOE_FILE = gameModulePath('tic_tac_toe');
const TIC_TAC_TOE = readFileSync(TIC_TAC_TOE_FILE, 'utf8');

const tempDir = tempDirs('gamecwm-strength-');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The data without wall-clock seconds: the part a seed must reproduce byte for byte. */
function withoutTimes(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (key, value) => (key === 'seconds' ? undefined : value)));
}

/** A pairing's outcome, without who played it. */
const outcome = (p: any) => ({ games: p.games, seed: p.seed, wins: p.wins, losses: p.losses, draws: p.draws, meanReturn: p.meanReturn, ci95: p.ci95, opponentMeanReturn: p.opponentMeanReturn });

/** A source with each `from` replaced by `to` (each must occur). */
function patched(source: string, edits: Array<[string, string]>): string {
  return edits.reduce((text, [from, to]) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  }, source);
}

/** The tic_tac_toe reference with one function replaced by a broken one. */
function brokenTicTacToe(name: 'getLegalActions' | 'applyAction', replacement: string): string {
  const renamed = TIC_TAC_TOE.replace(`export function ${name}(`, `function true_${name}(`);
  expect(renamed).not.toBe(TIC_TAC_TOE);
  return `${renamed}\n${replacement}\n`;
}

const strengthArgs = (out: string, extra: string[]) => ['bench', 'strength', '--games', 'tic_tac_toe', '--simulations', '200', '--games-per-pair', '10', '--out', out, '--json', ...extra];

describe('gamecwm bench strength, the control run', () => {
  let first: { out: string; doc: any };

  it('plays the reference module in the sandbox evenly against the reference, and beats random', async () => {
    const out = tempDir();
    const result = await runCli(strengthArgs(out, ['--seed', '3']));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    first = { out, doc };
    expect(doc.suite).toBe('strength');
    expect(doc.seed).toBe(3);
    const { data } = doc;
    expect(data).toMatchObject({ simulations: 200, gamesPerPair: 10, control: true, skipped: [] });
    expect(data.games).toHaveLength(1);
    const game = data.games[0];
    expect(game).toMatchObject({ game: 'tic_tac_toe', search: 'mcts', mode: 'seats' });
    const [candidate] = game.candidates;
    expect(candidate).toMatchObject({ label: 'reference (sandboxed)', file: 'src/games/tic_tac_toe/game.ts', loadError: null, disabled: null });

    // Against random: the ceiling, and the control reaches it.
    expect(game.referenceVsRandom.wins).toBeGreaterThanOrEqual(8);
    expect(candidate.vsRandom.wins).toBeGreaterThanOrEqual(8);
    // Same seeds, same search inside the sandbox: the very same games.
    expect(outcome(candidate.vsRandom)).toEqual(outcome(game.referenceVsRandom));
    // Against the reference: even, within the noise of 10 games (mostly draws between equal searches).
    const vsReference = candidate.vsReference;
    expect(vsReference.wins + vsReference.losses + vsReference.draws).toBe(10);
    expect(vsReference.winRate).toBeGreaterThanOrEqual(0.25);
    expect(vsReference.winRate).toBeLessThanOrEqual(0.75);
    expect(vsReference.winRate).toBe((vsReference.wins + vsReference.draws / 2) / 10);
    // No fallback: every move was the candidate's own, and every move was counted.
    for (const pairing of [vsReference, candidate.vsRandom]) {
      expect(pairing.planner).toMatchObject({ illegal: 0, errors: 0, firstError: null });
      expect(pairing.planner.decisions).toBeGreaterThanOrEqual(30);
    }
    expect(doc.notes.join('\n')).toMatch(/Control run/);
  });

  it('writes strength.json, strength.md and the chart', () => {
    const { out, doc } = first;
    const json = readJson(join(out, 'strength.json'));
    expect(json.data).toEqual(doc.data);
    const markdown = readFileSync(join(out, 'strength.md'), 'utf8');
    expect(markdown).toMatch(/\| tic_tac_toe \| reference \(sandboxed\) \| \d+% \| \d+% \| \d+% \| 0 \+ 0 \/ \d+ \|/);
    expect(markdown).toContain('![Win rates](strength-win-rates.svg)');
    const svg = readFileSync(join(out, 'strength-win-rates.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('tic_tac_toe');
    expect(svg).toContain('candidate vs reference');
    expect(json.charts).toEqual([{ id: 'win-rates', title: 'Win rates', file: 'strength-win-rates.svg' }]);
  });

  it('gives byte-identical data for the same seed (timings aside), other data for another seed', async () => {
    const again = await runCli(strengthArgs(tempDir(), ['--seed', '3']));
    expect(again.code).toBe(0);
    expect(JSON.stringify(withoutTimes(JSON.parse(again.stdout).data))).toBe(JSON.stringify(withoutTimes(first.doc.data)));
    const other = await runCli(strengthArgs(tempDir(), ['--seed', '4']));
    expect(other.code).toBe(0);
    expect(withoutTimes(JSON.parse(other.stdout).data)).not.toEqual(withoutTimes(first.doc.data));
  });

  it('prints the table for people', async () => {
    const result = await runCli(['bench', 'strength', '--games', 'kuhn_poker', '--simulations', '50', '--games-per-pair', '4', '--out', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/kuhn_poker\s+reference \(sandboxed\)\s+\d+%\s+\d+%\s+\d+%\s+0 \+ 0 \/ \d+/);
    expect(result.stdout).toMatch(/candidate-vs-reference/);
    expect(result.stdout).toContain('strength.json');
  });
});

describe('gamecwm bench strength, broken and Python candidates', () => {
  it('counts the illegal choices of a candidate that names one cell wrongly', async () => {
    const dir = tempDir();
    // An off-by-one bug: the corner (2,2) is called "(3,3)" in the legal actions (applyAction accepts both names).
    writeFileSync(join(dir, 'tic_tac_toe.ts'), patched(TIC_TAC_TOE, [
      ["if (state.board[cell] === '.') actions.push(ACTIONS[state.currentPlayer][cell]);",
        "if (state.board[cell] === '.') actions.push(cell === 8 ? `${MARKS[state.currentPlayer]}(3,3)` : ACTIONS[state.currentPlayer][cell]);"],
      ['const cell = ACTIONS[player].indexOf(action);', "const cell = action.endsWith('(3,3)') ? 8 : ACTIONS[player].indexOf(action);"],
    ]));
    const result = await runCli(strengthArgs(tempDir(), ['--candidates', dir]));
    expect(result.code).toBe(0);
    const { data, notes } = JSON.parse(result.stdout);
    expect(data.control).toBe(false);
    const candidate = data.games[0].candidates[0];
    expect(candidate).toMatchObject({ label: 'ts', file: 'tic_tac_toe.ts', loadError: null });
    // Whenever its search wants the corner it names a move the true game does not have: a random move instead.
    const { planner } = candidate.vsReference;
    expect(planner.illegal).toBeGreaterThan(0);
    expect(planner.errors).toBe(0);
    expect(planner.firstError).toMatch(/chose "[xo]\(3,3\)", which the true game does not allow here/);
    expect(candidate.vsReference.winRate).toBeLessThanOrEqual(0.55);
    expect(notes.join('\n')).toMatch(/tic_tac_toe \(ts, tic_tac_toe.ts\) fell back to random moves/);
  });

  it('counts the errors of a candidate whose applyAction throws after two moves, and falls back for the rest of each game', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tic_tac_toe.ts'), brokenTicTacToe('applyAction', [
      'export function applyAction(state: State, action: Action): State {',
      '  if (state.board.filter((cell) => cell !== ".").length >= 2) throw new Error("broken on purpose");',
      '  return true_applyAction(state, action);',
      '}',
    ].join('\n')));
    const result = await runCli(strengthArgs(tempDir(), ['--candidates', dir]));
    expect(result.code).toBe(0);
    const candidate = JSON.parse(result.stdout).data.games[0].candidates[0];
    expect(candidate.vsReference.winRate).toBeLessThan(0.3);
    for (const pairing of [candidate.vsReference, candidate.vsRandom]) {
      expect(pairing.planner.illegal).toBe(0);
      // Each game: the first one or two moves are planned (at most two marks on the board), every later one falls back.
      expect(pairing.planner.errors).toBeGreaterThanOrEqual(pairing.planner.decisions - 2 * pairing.games);
      expect(pairing.planner.errors).toBeGreaterThan(0);
      expect(pairing.planner.firstError).toMatch(/broken on purpose/);
    }
  });

  it('plans over a paper-format Python candidate (the back-translated reference) like over the reference', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tic_tac_toe.py'), new PythonTranslator().translate(TIC_TAC_TOE).python);
    const result = await runCli(['bench', 'strength', '--games', 'tic_tac_toe', '--simulations', '100', '--games-per-pair', '4', '--candidates', dir, '--out', tempDir(), '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const game = JSON.parse(result.stdout).data.games[0];
    const candidate = game.candidates[0];
    expect(candidate).toMatchObject({ label: 'python', file: 'tic_tac_toe.py', loadError: null, disabled: null });
    expect(candidate.vsRandom.planner).toMatchObject({ illegal: 0, errors: 0 });
    expect(candidate.vsReference.planner).toMatchObject({ illegal: 0, errors: 0 });
    // The Python search is the same algorithm with the same seeds: the same games as the reference's.
    expect(outcome(candidate.vsRandom)).toEqual(outcome(game.referenceVsRandom));
  });

  it('notes a candidate that does not compile and plays nothing for it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tic_tac_toe.ts'), 'export function getInitialState(: number {');
    const result = await runCli(strengthArgs(tempDir(), ['--candidates', dir]));
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    const candidate = doc.data.games[0].candidates[0];
    expect(candidate.loadError).toMatch(/does not compile/);
    expect(candidate.vsReference).toBeNull();
    expect(doc.tables[0].rows[0][2]).toBe('does not load');
    expect(doc.notes.join('\n')).toMatch(/was not played: .*does not compile/);
  });
});

describe('candidates from a bench generate folder', () => {
  it('takes the best candidate of each summary, one per game and language, and notes the games without one', () => {
    const dir = tempDir();
    const runDir = join(dir, 'generate-runs', 'ts', 'tic_tac_toe');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, '0-1.ts'), TIC_TAC_TOE);
    writeFileSync(join(runDir, 'summary.json'), JSON.stringify({ best: { file: '0-1.ts' } }));
    const emptyRun = join(dir, 'generate-runs', 'python', 'tic_tac_toe');
    mkdirSync(emptyRun, { recursive: true });
    writeFileSync(join(emptyRun, 'summary.json'), JSON.stringify({ best: null }));
    const found = findCandidates(dir, [getGame('tic_tac_toe'), getGame('connect4')]);
    expect(found.candidates).toEqual([{ game: 'tic_tac_toe', label: 'ts', file: join(runDir, '0-1.ts'), shown: join('generate-runs', 'ts', 'tic_tac_toe', '0-1.ts') }]);
    expect(found.missing).toEqual([{ game: 'connect4', reason: 'no generate-runs/<lang>/connect4/summary.json' }]);
  });

  it('without --games runs only the games that have a candidate', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tic_tac_toe.ts'), TIC_TAC_TOE);
    const result = await runCli(['bench', 'strength', '--candidates', dir, '--simulations', '20', '--games-per-pair', '2', '--out', tempDir(), '--json']);
    expect(result.code).toBe(0);
    const { data } = JSON.parse(result.stdout);
    expect(data.games.map((g: any) => g.game)).toEqual(['tic_tac_toe']);
    expect(data.skipped).toEqual([]);
  });

  it('with --games notes the games that have no candidate', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tic_tac_toe.ts'), TIC_TAC_TOE);
    const result = await runCli(['bench', 'strength', '--candidates', dir, '--games', 'tic_tac_toe,matching_pennies', '--simulations', '20', '--games-per-pair', '2', '--out', tempDir(), '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.data.skipped).toEqual([{ game: 'matching_pennies', reason: 'no matching_pennies.ts or matching_pennies.py' }]);
    expect(doc.notes.join('\n')).toContain('matching_pennies skipped: no matching_pennies.ts or matching_pennies.py.');
  });
});

describe('gamecwm bench strength, bad input', () => {
  it.each([
    [['--candidates', '/nonexistent/strength-candidates'], /--candidates \/nonexistent\/strength-candidates: no such folder/],
    [['--candidates', TIC_TAC_TOE_FILE], /is not a folder/],
    [['--games', 'no_such_game'], /unknown game "no_such_game"/],
    [['--simulations', '0'], /--simulations must be an integer from 1/],
  ])('%j ends in one line and exit 2', async (extra, message) => {
    const result = await runCli(['bench', 'strength', '--out', tempDir(), ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('an empty candidates folder is one line and exit 2', async () => {
    const result = await runCli(['bench', 'strength', '--candidates', tempDir(), '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds no candidate for any game/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the runner hands the true actions only to agents that ask', () => {
  it('passes every action so far, chance included, with who took it', async () => {
    const seen: Array<DecisionContext['trueActions']> = [];
    const plain: DecisionContext[] = [];
    const asking: Agent = { name: 'asking', usesTrueActions: true, act: (c) => { seen.push(c.trueActions); return c.legalActions[0]; } };
    const other: Agent = { name: 'plain', act: (c) => { plain.push(c); return c.legalActions[0]; } };
    const { trajectories } = await playMatch(getGame('kuhn_poker'), (index) => (index === 0 ? asking : other), { games: 1, seed: 1, keepTrajectories: true });
    const trajectory = trajectories![0];
    expect(seen.length).toBeGreaterThan(0);
    for (const played of seen) {
      const t = played!.actions.length;
      expect(played).toEqual({ actions: trajectory.actions.slice(0, t), players: trajectory.players.slice(0, t) });
    }
    expect(seen[0]!.players).toContain(-1);
    expect(plain.every((c) => c.trueActions === undefined)).toBe(true);
  });
});
