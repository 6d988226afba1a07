// The machine and software a benchmark ran on, recorded with every result
// so figures from different machines are never compared blind.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { isolatedVmLine } from '../engine/sandbox/ivm.js';
import { PACKAGE_ROOT } from '../paths.js';

export interface MachineInfo {
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** `python3 --version` (the interpreter the Python runner uses), or null when there is none. */
  python: string | null;
  /** gamecwm and the dependencies that shape the figures. */
  versions: Record<string, string>;
}

const MEASURED_PACKAGES = ['esbuild', 'ts-morph', 'openai'];

export function describeMachine(): MachineInfo {
  const versions: Record<string, string> = { gamecwm: packageVersion(PACKAGE_ROOT) ?? 'unknown' };
  // The isolated-vm line that serves this Node (each Node line has its own).
  versions['isolated-vm'] = isolatedVmLine().installed ?? 'missing';
  for (const name of MEASURED_PACKAGES) versions[name] = packageVersion(resolve(PACKAGE_ROOT, 'node_modules', name)) ?? 'missing';
  return {
    os: `${type()} ${release()}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    python: pythonVersion(),
    versions,
  };
}

/** One line for tables' captions: "Intel Xeon …, 2 cores, 24 GiB, Linux 6.1, Node v20.20.0, Python 3.11.2". */
export function machineLine(machine: MachineInfo): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}${machine.python ? `, ${machine.python}` : ''}`;
}

function packageVersion(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

export function pythonVersion(): string | null {
  try {
    const python = process.env.GAMECWM_PYTHON || 'python3';
    return execFileSync(python, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return null;
  }
}
