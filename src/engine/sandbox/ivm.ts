// isolated-vm for the running Node. Its native addon is built against one
// V8, so each Node line needs its own release: package.json installs them as
// aliased optional dependencies (npm skips a line whose engines or install
// does not fit the Node it runs on), and this module loads the one that
// belongs to the running Node. Loading waits for first use, so commands that
// never sandbox anything work even where the line failed to install, and a
// missing line is one clear error, never a silent fallback to another line.
//
// Types: isolated-vm.d.ts is the same file in every line; tsconfig maps
// 'isolated-vm-types' to whichever line is installed.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type IsolatedVM from 'isolated-vm-types';
import { PACKAGE_ROOT } from '../../paths.js';

export type { IsolatedVM };

/** The lowest Node major each isolated-vm line serves, newest first. */
const LINES: ReadonlyArray<{ fromMajor: number; alias: string }> = [
  { fromMajor: 24, alias: 'isolated-vm-7' },
  { fromMajor: 22, alias: 'isolated-vm-6' },
  { fromMajor: 20, alias: 'isolated-vm-5' },
];

export const SUPPORTED_NODE_LINES = [20, 22, 24, 26];

/** The sandbox cannot start on this Node: its isolated-vm line is missing or does not load. */
export class IsolatedVmUnavailableError extends Error {
  override name = 'IsolatedVmUnavailableError';
}

export interface IsolatedVmLine {
  nodeMajor: number;
  /** The optional dependency that serves this Node, or null when no line does. */
  alias: string | null;
  /** The version package.json pins for that alias. */
  wanted: string | null;
  /** The version installed under that alias, or null when it is not installed. */
  installed: string | null;
}

const require = createRequire(import.meta.url);

export function isolatedVmLine(nodeVersion = process.versions.node): IsolatedVmLine {
  const nodeMajor = Number(nodeVersion.split('.')[0]);
  const alias = LINES.find((line) => nodeMajor >= line.fromMajor)?.alias ?? null;
  if (alias === null) return { nodeMajor, alias, wanted: null, installed: null };
  return { nodeMajor, alias, wanted: pinnedVersion(alias), installed: installedVersion(alias) };
}

let loaded: typeof IsolatedVM | undefined;

/** The isolated-vm module of the running Node's line; throws IsolatedVmUnavailableError when there is none. */
export function loadIsolatedVm(): typeof IsolatedVM {
  loaded ??= requireIsolatedVmLine(isolatedVmLine());
  return loaded;
}

export function requireIsolatedVmLine(line: IsolatedVmLine): typeof IsolatedVM {
  const node = `Node ${process.versions.node}`;
  if (line.alias === null) {
    throw new IsolatedVmUnavailableError(`the sandbox does not run on ${node}: gamecwm supports Node ${SUPPORTED_NODE_LINES.join(', ')}`);
  }
  const pkg = `isolated-vm ${line.wanted ?? '?'} (the optional dependency ${line.alias})`;
  if (line.installed === null) {
    throw new IsolatedVmUnavailableError(
      `the sandbox needs ${pkg} on ${node}, and it is not installed: run \`npm ci --foreground-scripts\` with this Node and read the output of "isolated-vm@${line.wanted} install" (${installHint(line.alias)})`,
    );
  }
  try {
    return require(line.alias) as typeof IsolatedVM;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new IsolatedVmUnavailableError(`the sandbox needs ${pkg}, installed but not loadable on ${node} (${reason}): reinstall with \`npm ci\` under this Node`);
  }
}

/** What the line's install does, so a user knows which failure to look for. */
function installHint(alias: string): string {
  return alias === 'isolated-vm-5'
    ? 'it downloads a prebuilt binary from GitHub or compiles from source with python3, make and a C++ compiler'
    : 'it ships prebuilt binaries for Linux x64/arm64, macOS arm64 and Windows x64, and compiles from source elsewhere';
}

function pinnedVersion(alias: string): string | null {
  const manifest = readJson(resolve(PACKAGE_ROOT, 'package.json')) as { optionalDependencies?: Record<string, string> } | null;
  return manifest?.optionalDependencies?.[alias]?.split('@').pop() ?? null;
}

function installedVersion(alias: string): string | null {
  try {
    return (readJson(require.resolve(`${alias}/package.json`)) as { version?: string } | null)?.version ?? null;
  } catch {
    return null;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The isolated-vm module, loaded on first property access: `new ivm.Isolate()`
 * reads like a plain import, and importing this file costs nothing.
 */
const ivm = new Proxy({} as typeof IsolatedVM, {
  get: (_target, key) => Reflect.get(loadIsolatedVm(), key),
});

export default ivm;
