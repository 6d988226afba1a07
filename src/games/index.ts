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
import { blackjack } from './blackjack/index.js';
import { firstPriceAuction } from './first_price_auction/index.js';
import { liarsDice } from './liars_dice/index.js';
import { go } from './go/index.js';
import { breakthrough } from './breakthrough/index.js';
import { pentago } from './pentago/index.js';
import { goofspiel } from './goofspiel/index.js';
import { battleship } from './battleship/index.js';
import { checkers } from './checkers/index.js';
import { chess } from './chess/index.js';
import { havannah } from './havannah/index.js';
import { negotiation } from './negotiation/index.js';
import { pokerHoldem } from './poker_holdem/index.js';
import { backgammon } from './backgammon/index.js';
import { hanabi } from './hanabi/index.js';
import { y } from './y/index.js';
import { leducPoker } from './leduc_poker/index.js';
import { genTicTacToe } from './gen_tic_tac_toe/index.js';
import { genChess } from './gen_chess/index.js';
import { converge } from './converge/index.js';
import { ginRummy } from './gin_rummy/index.js';
import { handOfWar } from './hand_of_war/index.js';
import { quadranto } from './quadranto/index.js';

export const GAMES: GameDefinition[] = [
  ticTacToe,
  connect4,
  matchingPennies,
  prisonersDilemma,
  pig,
  dotsAndBoxes,
  blackjack,
  kuhnPoker,
  go,
  breakthrough,
  firstPriceAuction,
  pentago,
  liarsDice,
  goofspiel,
  battleship,
  checkers,
  chess,
  leducPoker,
  havannah,
  negotiation,
  pokerHoldem,
  backgammon,
  hanabi,
  y,
  genTicTacToe,
  genChess,
  converge,
  ginRummy,
  quadranto,
  handOfWar,
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
