// The registry of built-in reference games, in the paper dataset's order.
// Pure code with no host dependencies: the sandbox bundles it as the
// references for differential verification.

import type { GameDefinition } from '../engine/game-definition.js';
import { ticTacToe } from './tic_tac_toe/index.js';
import { pig } from './pig/index.js';
import { dotsAndBoxes } from './dots_and_boxes/index.js';
import { connect4 } from './connect4/index.js';
import { matchingPennies } from './matching_pennies/index.js';
import { prisonersDilemma } from './prisoners_dilemma/index.js';
import { kuhnPoker } from './kuhn_poker/index.js';
import { leducPoker } from './leduc_poker/index.js';

export const GAMES: GameDefinition[] = [
  ticTacToe,
  connect4,
  matchingPennies,
  prisonersDilemma,
  pig,
  dotsAndBoxes,
  kuhnPoker,
  leducPoker,
] as GameDefinition[];

export class UnknownGameError extends Error {
  constructor(readonly id: string) {
    super(`unknown game "${id}"; known games: ${GAMES.map((g) => g.info.id).join(', ')}`);
  }
}

export function findGame(id: string): GameDefinition | undefined {
  return GAMES.find((game) => game.info.id === id);
}

export function getGame(id: string): GameDefinition {
  const game = findGame(id);
  if (!game) throw new UnknownGameError(id);
  return game;
}
