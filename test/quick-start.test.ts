// The README's "Write your own game" quick start, run as written: every
// `npx gamecwm` line of its block in order, by the built bin (npm run build)
// in a fresh folder, with the Nim
// files the README shows (kept in test/fixtures/nim, and checked to be the
// README's) written between init and verify, and generate pointed at a
// scripted OpenAI-compatible server on 127.0.0.1 instead of the README's Ollama.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeOpenAI } from './helpers/fake-openai.js';
import { fenced } from './helpers/scripted-candidates.js';
import { tempDirs } from './helpers/temp-dirs.js';

const ROOT = resolve(import.meta.dirname, '..');
const NIM = join(ROOT, 'test', 'fixtures', 'nim');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const BIN = join(ROOT, 'bin', 'gamecwm.js');
const tempDir = tempDirs('gamecwm-quick-start-');

/** Runs the built CLI in `cwd`, as a user's shell would. */
function gamecwm(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The quick start's command lines, each split into the CLI's arguments (comments dropped). */
function quickStartCommands(): string[][] {
  const block = /<!-- quick-start[^>]*-->\n```sh\n([^]*?)```/.exec(README);
  if (!block) throw new Error('README.md has no quick-start block');
  return block[1].split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter((line) => line.startsWith('npx gamecwm '))
    .map((line) => line.slice('npx gamecwm '.length).split(/\s+/));
}

/** The README's fenced block (of `language`) that follows the line naming `file`. */
function shownFile(file: string, language: string): string {
  const match = new RegExp(`\`${file.replace('.', '\\.')}\`[^\\n]*\\n(?:[^\\n]+\\n)*?\\n\`\`\`${language}\\n([^]*?)\`\`\``).exec(README);
  if (!match) throw new Error(`README.md does not show ${file}`);
  return match[1];
}

describe('the README\'s quick start', () => {
  it('shows the Nim files the test uses', () => {
    expect(shownFile('nim/nim.ts', 'ts')).toBe(readFileSync(join(NIM, 'nim.ts'), 'utf8'));
    expect(JSON.parse(shownFile('nim/facts.json', 'json'))).toEqual(JSON.parse(readFileSync(join(NIM, 'facts.json'), 'utf8')));
    expect(JSON.parse(shownFile('nim/scenarios.json', 'json'))).toEqual(JSON.parse(readFileSync(join(NIM, 'scenarios.json'), 'utf8')));
  });

  it('init, write Nim, verify (ok), arena MCTS against random, generate: every command as written', async () => {
    const commands = quickStartCommands();
    expect(commands.map((c) => c[0])).toEqual(['init', 'verify', 'arena', 'generate']);
    server = await startFakeOpenAI(() => ({ content: fenced(readFileSync(join(NIM, 'nim.ts'), 'utf8')) }));
    const dir = tempDir();
    const runCli = (args: string[]) => gamecwm(args, dir);
    const [init, verify, arena, generate] = commands;
    const initialised = await runCli(init);
    expect(initialised.code).toBe(0);
    for (const name of ['rules.md', 'facts.json', 'scenarios.json', 'nim.ts']) expect(existsSync(join(dir, 'nim', name))).toBe(true);
    // Writing the game: the README's Nim over init's starting point.
    for (const name of ['rules.md', 'facts.json', 'scenarios.json', 'nim.ts']) copyFileSync(join(NIM, name), join(dir, 'nim', name));

    const verified = await runCli(verify);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^nim\/nim\.ts \(nim\): PASS/);
    expect(verified.stdout).toMatch(/scenarios +3\/3/);
    expect(verified.stdout).toContain('skipped: differential');

    const played = await runCli(arena);
    expect(played.code).toBe(0);
    expect(played.stdout).toContain('Three-heap Nim (rules from nim/nim.ts): 20 games');
    const wins = /mcts:200 +(\d+)/.exec(played.stdout);
    expect(Number(wins?.[1])).toBeGreaterThanOrEqual(15); // Nim is a first-player win that MCTS finds; random rarely does

    const url = generate.indexOf('--base-url');
    expect(url).toBeGreaterThan(0);
    const generated = await runCli(generate.map((arg, i) => (i === url + 1 ? server!.url : arg)));
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('passed every tier: runs/nim/0-0.ts');
    expect(readFileSync(join(dir, 'runs', 'nim', '0-0.ts'), 'utf8').trimEnd()).toBe(readFileSync(join(NIM, 'nim.ts'), 'utf8').trimEnd());
    const summary = JSON.parse(readFileSync(join(dir, 'runs', 'nim', 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ game: 'nim', passed: '0-0.ts', passRate: { scenarios: 1, differential: null } });
    expect(readFileSync(join(dir, 'runs', 'nim', 'prompt.md'), 'utf8')).toContain('`h<heap>:<count>`');
    expect(server.requests[0].body.model).toBe('qwen2.5-coder:7b');
  });
});
