// Compiles code for the sandbox with esbuild: a candidate module becomes a
// script that defines the global `__candidate` (its exports); the harness and
// the search bridge are bundled once per process.

import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform, type Message } from 'esbuild';

export const CANDIDATE_GLOBAL = '__candidate';

export class CompileError extends Error {
  constructor(readonly diagnostics: string[]) {
    super(diagnostics.join('\n'));
  }
}

function describe(message: Message, file: string): string {
  const where = message.location ? `${file}:${message.location.line}:${message.location.column + 1}` : file;
  return `${where}: ${message.text}`;
}

export async function compileCandidate(source: string, file = 'candidate.ts'): Promise<string> {
  try {
    const result = await transform(source, {
      loader: 'ts', format: 'iife', globalName: CANDIDATE_GLOBAL, target: 'es2022', sourcefile: file, logLevel: 'silent',
      // Strict mode, as in an ES module: a write to a frozen input throws instead of vanishing.
      banner: '"use strict";',
    });
    return result.code;
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (errors) throw new CompileError(errors.map((m) => describe(m, file)));
    throw error;
  }
}

const bundles = new Map<string, Promise<string>>();

/** The verifier harness bundle (checks and reference games), built once per process. */
export function harnessSource(): Promise<string> {
  return bundle(['verifier', 'harness', 'boot']);
}

/** The search bundle that runs next to a candidate (MCTS, ISMCTS, a JSON call bridge). */
export function bridgeSource(): Promise<string> {
  return bundle(['mcts', 'bridge']);
}

function bundle(entryPath: string[]): Promise<string> {
  const key = entryPath.join('/');
  let built = bundles.get(key);
  if (!built) {
    built = bundleEntry(entryPath);
    bundles.set(key, built);
  }
  return built;
}

async function bundleEntry(entryPath: string[]): Promise<string> {
  // Works from src/ (tests run TypeScript) and from dist/ (the built CLI).
  const here = fileURLToPath(import.meta.url);
  const entry = `${resolve(dirname(here), '..', '..', ...entryPath)}${extname(here)}`;
  const result = await build({
    entryPoints: [entry], bundle: true, format: 'iife', platform: 'neutral', target: 'es2022',
    write: false, logLevel: 'silent', minifySyntax: true,
  });
  return result.outputFiles[0].text;
}
