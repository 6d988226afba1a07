// The CLI as people use it: output to a pipe closed early ends quietly,
// Ctrl-C during a progress bar leaves the terminal as it was, Commander's
// mistakes read like ours, every command's --json parses, and a person who
// plays sees how the game ended. The real bin runs in a child process where a
// pipe or a terminal is what is tested.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp-dirs.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'gamecwm.js');
const PAPER = resolve(ROOT, '..', 'shared', 'paper-dataset');
const tempDir = tempDirs('gamecwm-cli-behaviour-');

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runBin(args: string[], options: { input?: string; onFirstLine?: (child: ReturnType<typeof spawn>, line: string) => void } = {}): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let first = true;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (first && stdout.includes('\n') && options.onFirstLine) {
        first = false;
        options.onFirstLine(child, stdout.split('\n')[0]);
      }
    });
    child.stdout.on('error', () => {});
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('pipes and terminals', () => {
  it('ends quietly when the reader of its output goes away (play | head -1)', async () => {
    const run = await runBin(['play', 'connect4', '--seed', '3'], { onFirstLine: (child) => child.stdout!.destroy() });
    expect(run.stdout.split('\n')[0]).toBe('Connect Four: random as x vs random as o, seed 3');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('stops at Ctrl-C under a terminal with its cursor and line wrapping untouched, and shows no time left before an item ends', async () => {
    const helper = join(ROOT, 'test', 'helpers', 'pty_run.py');
    const run = await new Promise<string>((done, fail) => {
      const child = spawn('python3', [helper, 'left', '120', '--', process.execPath, '--no-node-snapshot', BIN, 'play', 'chess', '--games', '100000', '--seed', '1']);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
      child.on('error', fail);
      child.on('close', () => done(out));
    });
    const { output, status, interrupted } = JSON.parse(run) as { output: string; status: number; interrupted: boolean };
    expect(interrupted).toBe(true);
    expect(status).toBe(-2); // killed by SIGINT: a shell reports 130
    expect(output).toContain('chess [');
    expect(output).not.toContain('\x1b[?25l'); // cursor never hidden
    expect(output).not.toContain('\x1b[?7l'); // line wrapping never turned off
    const firstFrame = output.slice(output.indexOf('chess ['), output.indexOf('\x1b[0K'));
    expect(firstFrame).toMatch(/0\/100000 0% \| estimating$/);
    expect(output).not.toMatch(/0\/100000 0% \| 0s left/);
  });
});

describe('mistakes read alike', () => {
  it.each([
    [['play', '--bogus'], "gamecwm: unknown option '--bogus' (see --help)"],
    [['nosuch'], "gamecwm: unknown command 'nosuch' (see --help)"],
    [['play'], 'gamecwm: give a game id (see `gamecwm games`) or a new game\'s facts with --info FILE.json and its module with --cwm FILE'],
    [['play', 'nosuchgame'], 'gamecwm: unknown game "nosuchgame"'],
  ])('%j: one line, exit 2', async (args, line) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(run.stderr.startsWith(line)).toBe(true);
  });
});

describe('--json on every command', () => {
  it('prints JSON that parses, with the documented fields', async () => {
    const dir = tempDir();
    const json = async (args: string[]) => {
      const run = await runCli([...args, '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout);
    };
    expect((await json(['games'])).games).toHaveLength(30);
    expect((await json(['rules', 'tic_tac_toe'])).game).toBe('tic_tac_toe');
    const play = await json(['play', 'tic_tac_toe', '--games', '4', '--seed', '1']);
    expect(Object.keys(play.results).sort()).toEqual(['ci95', 'draws', 'meanReturns', 'wins']);
    expect((await json(['arena', 'tic_tac_toe', '--agents', 'random,random', '--games', '2', '--seed', '1'])).results.wins).toHaveLength(2);
    expect((await json(['verify', '--game', 'tic_tac_toe', '--reference', '--playouts', '5'])).ok).toBe(true);
    expect((await json(['translate', '--game', 'tic_tac_toe', '--to', 'python', '-o', join(dir, 'ttt.py')])).output).toBe(join(dir, 'ttt.py'));
    const exported = await json(['export-python', '--out', join(dir, 'export')]);
    expect(exported.games).toHaveLength(30);
    expect(exported.games[0]).toEqual({ id: 'tic_tac_toe', module: join(dir, 'export', 'data', 'games', 'tic_tac_toe', 'golden.py'), rules: join(dir, 'export', 'data', 'games', 'tic_tac_toe', 'rules.txt') });
    expect(existsSync(exported.games[29].module)).toBe(true);
    expect((await json(['dataset', 'sft', '-o', join(dir, 'sft.jsonl')])).records).toBeGreaterThan(0);
    if (existsSync(PAPER)) {
      const conformance = await json(['conformance', '--paper-dataset', PAPER, '--games', 'tic_tac_toe', '--trajectories', '20', '--no-evaluator']);
      expect(conformance[0]).toMatchObject({ game: 'tic_tac_toe', conforms: true });
    }
  });

  it('serve-reward announces itself and its stop as JSON lines', async () => {
    // Stopped once it has answered a request: the service is up, not merely announced.
    const run = await runBin(['serve-reward', '--port', '0', '--json'], {
      onFirstLine: (child, line) => void fetch(`${JSON.parse(line).listening}/health`).finally(() => child.kill('SIGTERM')),
    });
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0].listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[0].endpoints).toEqual(['POST /reward', 'GET /health']);
    expect(lines[1]).toEqual({ stopped: true });
  });
});

describe('people at the table', () => {
  it('shows a human how the game ended: their last view, the final state, no "Player 0 (player 0)"', async () => {
    const run = await runBin(['play', 'kuhn_poker', '--agents', 'human,random', '--seed', '4'], { input: '1\n1\n1\n1\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Player 0, your move:');
    expect(run.stdout).not.toContain('(player 0)');
    const end = run.stdout.slice(run.stdout.indexOf('Game over: Kuhn Poker'));
    expect(end).toMatch(/What Player 0 sees:\n[^]*Final state:\n[^]*Player 1 card +[JQK]\n[^]*returns: Player 0 -?\d, Player 1 -?\d/);
  });
});

describe('the package', () => {
  it('ships an MIT licence, as package.json says', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 /);
  });
});
