// Locations inside the installed package. This file compiles to dist/paths.js,
// so the package root is one level up from either src/ or dist/.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Folder of a built-in game's sources (its GameCWM module and rules text). */
export function gameSourceDir(id: string): string {
  return resolve(PACKAGE_ROOT, 'src', 'games', id);
}
