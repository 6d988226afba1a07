// The sandbox loads the isolated-vm line built for the running Node: the
// choice by Node major, the pin read from package.json, the module it loads
// here, and the one-line errors when the line is missing or does not load.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedVmLine, IsolatedVmUnavailableError, loadIsolatedVm, requireIsolatedVmLine } from '../src/engine/sandbox/ivm.js';

const ROOT = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };

describe('isolated-vm line', () => {
  it('serves each Node major with its own alias, pinned as package.json says', () => {
    const aliases = ['20.20.2', '21.0.0', '22.23.5', '23.1.0', '24.22.3', '26.12.1'].map((node) => isolatedVmLine(node).alias);
    expect(aliases).toEqual(['isolated-vm-5', 'isolated-vm-5', 'isolated-vm-6', 'isolated-vm-6', 'isolated-vm-7', 'isolated-vm-7']);
    for (const node of ['20.0.0', '22.0.0', '24.0.0']) {
      const line = isolatedVmLine(node);
      expect(manifest.optionalDependencies[line.alias!]).toBe(`npm:isolated-vm@${line.wanted}`);
    }
    expect(isolatedVmLine('18.20.0')).toEqual({ nodeMajor: 18, alias: null, wanted: null, installed: null });
  });

  it('loads the installed line of the running Node, and it runs code in an isolate', () => {
    const line = isolatedVmLine();
    expect(line.installed).toBe(line.wanted);
    const ivm = loadIsolatedVm();
    const isolate = new ivm.Isolate({ memoryLimit: 16 });
    try {
      expect(isolate.compileScriptSync('6 * 7').runSync(isolate.createContextSync())).toBe(42);
    } finally {
      isolate.dispose();
    }
  });

  it('says in one line which Node, which package and what to look for when a line is missing or broken', () => {
    const missing = { nodeMajor: 24, alias: 'isolated-vm-none', wanted: '9.9.9', installed: null };
    expect(() => requireIsolatedVmLine(missing)).toThrow(IsolatedVmUnavailableError);
    expect(() => requireIsolatedVmLine(missing)).toThrow(
      new RegExp(`needs isolated-vm 9\\.9\\.9 \\(the optional dependency isolated-vm-none\\) on Node ${process.versions.node.replace(/\./g, '\\.')}, and it is not installed: run \`npm ci --foreground-scripts\` .*"isolated-vm@9\\.9\\.9 install"`),
    );
    const broken = { ...missing, installed: '9.9.9' };
    expect(() => requireIsolatedVmLine(broken)).toThrow(/installed but not loadable on Node .*Cannot find module 'isolated-vm-none'.*: reinstall with `npm ci`/);
    const tooOld = { nodeMajor: 18, alias: null, wanted: null, installed: null };
    expect(() => requireIsolatedVmLine(tooOld)).toThrow(/does not run on Node .*: gamecwm supports Node 20, 22, 24, 26$/);
    for (const line of [missing, broken, tooOld]) {
      expect(() => requireIsolatedVmLine(line)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('\n') }));
    }
  });

  it('leaves commands that sandbox nothing free of isolated-vm: it loads on first use', () => {
    // A fresh process, so nothing else has loaded the addon yet.
    const script = `
      import { createRequire } from 'node:module';
      import { main } from './src/cli/main.ts';
      import { loadIsolatedVm } from './src/engine/sandbox/ivm.ts';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('isolated-vm')).length > 0;
      const code = await main(['games']);
      const afterGames = loaded();
      loadIsolatedVm();
      process.stderr.write(JSON.stringify({ code, afterGames, afterUse: loaded() }));`;
    const child = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(child.stdout).toMatch(/tic_tac_toe/);
    expect(JSON.parse(child.stderr)).toEqual({ code: 0, afterGames: false, afterUse: true });
  });
});
