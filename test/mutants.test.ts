// Mutation tests for the verifier: every built-in game has several plausible
// WRONG variants (the reference module with one realistic bug, as a model
// would write it). Each must still pass the static tier (a subtle bug, not a
// syntax error), be rejected (ok === false), fail the tier that should catch
// it, and carry an action sequence that reproduces the failure when replayed
// here on the host.
//
// A mutant is stored as a patch, test/fixtures/mutants/<game>/<name>.diff,
// applied to the current src/games/<game>/game.ts (test/helpers/mutants.ts).
// To add one: copy game.ts, put the bug in the copy, save
// `diff -u src/games/<game>/game.ts <copy>` under that name with a line
// saying what the bug is above it, and add an entry to MUTANTS below
// (details in test/fixtures/mutants/README.md).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chanceOutcomes } from '../src/engine/chance.js';
import { homogeneityPValue } from '../src/verifier/stats.js';
import { type Action, type AnyGameCWM, CHANCE, TERMINAL } from '../src/engine/contract.js';
import { deepFreeze, stableStringify } from '../src/engine/json.js';
import { Rng } from '../src/engine/rng.js';
import { CANDIDATE_GLOBAL, compileCandidate } from '../src/engine/sandbox/compile.js';
import { GAMES, getGame } from '../src/games/index.js';
import type { CheckResult } from '../src/verifier/check-result.js';
import { historyFor, replayAgainstHistory } from '../src/verifier/information.js';
import { scenarioProblem } from '../src/verifier/scenarios.js';
import type { TierName } from '../src/verifier/scores.js';
import { type VerificationReport, Verifier } from '../src/verifier/verify.js';
import { mutantSource, storedMutants } from './helpers/mutants.js';

type DynamicTier = Exclude<TierName, 'static'>;

interface Mutant {
  game: string;
  /** Patch name under test/fixtures/mutants/<game>/, without the .diff suffix. */
  file: string;
  expectedTier: DynamicTier;
  /** Name of a check of that tier that must fail (any failing check of the tier if absent). */
  expectedCheck?: string;
  messageFragment?: string;
}

const MUTANTS: Mutant[] = [
  // tic_tac_toe
  { game: 'tic_tac_toe', file: 'missing-anti-diagonal', expectedTier: 'scenarios', expectedCheck: 'scenario: anti-diagonal win', messageFragment: 'the game should be over' },
  { game: 'tic_tac_toe', file: 'no-draw', expectedTier: 'dynamics', expectedCheck: 'legal-actions-valid', messageFragment: 'at a non-terminal state' },
  { game: 'tic_tac_toe', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'tic_tac_toe', file: 'inverted-rewards', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  // connect4
  { game: 'connect4', file: 'wraparound-rows', expectedTier: 'scenarios', expectedCheck: 'scenario: four in a row only counts inside the board: no wrap-around from one row\'s end to the next row\'s start', messageFragment: 'should not be over' },
  { game: 'connect4', file: 'missing-last-column', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'missing ["x6"]' },
  { game: 'connect4', file: 'needs-five', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should be over here' },
  { game: 'connect4', file: 'missing-rising-diagonal', expectedTier: 'scenarios', expectedCheck: 'scenario: x wins on a rising diagonal (columns 0 to 3, climbing to the right)', messageFragment: 'the game should be over' },
  // matching_pennies
  { game: 'matching_pennies', file: 'swapped-payoff', expectedTier: 'scenarios', expectedCheck: 'scenario: both heads: the coins match and player 0 wins', messageFragment: 'the rewards should be [1,-1]' },
  { game: 'matching_pennies', file: 'win-loss-not-zero-sum', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  { game: 'matching_pennies', file: 'resample-skips-hidden-choice', expectedTier: 'information', expectedCheck: 'resample-complete', messageFragment: 'pass only 0 of the player\'s 1 decisions' },
  { game: 'matching_pennies', file: 'leak-first-choice', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 1 can tell apart' },
  // prisoners_dilemma
  { game: 'prisoners_dilemma', file: 'swapped-sucker-payoff', expectedTier: 'scenarios', expectedCheck: 'scenario: player 0 cooperates and player 1 defects: 0 and 5, less the mean 2.5', messageFragment: 'the rewards should be [-2.5,2.5]' },
  { game: 'prisoners_dilemma', file: 'actions-at-terminal', expectedTier: 'dynamics', expectedCheck: 'terminal-has-no-actions', messageFragment: 'at a terminal state' },
  { game: 'prisoners_dilemma', file: 'resample-forgets-own-choice', expectedTier: 'information', expectedCheck: 'resample-complete', messageFragment: 'every entry of the history must be replayed' },
  // pig
  { game: 'pig', file: 'hold-at-zero', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'should not allow ["hold"]' },
  { game: 'pig', file: 'one-keeps-turn', expectedTier: 'scenarios', expectedCheck: 'scenario: rolling a 1 loses the turn total and passes the turn; the next player may only roll', messageFragment: 'the current player should be 1' },
  { game: 'pig', file: 'win-above-100', expectedTier: 'scenarios', expectedCheck: 'scenario: banking exactly 100 wins at once', messageFragment: 'the game should be over' },
  { game: 'pig', file: 'die-outcomes-off-by-one', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // A perfect-information game's observation that drops public state: the
  // information-partition checks run only for imperfect-information games.
  { game: 'pig', file: 'observation-drops-turn-total', expectedTier: 'differential', expectedCheck: 'observations-hide-no-more' },
  // dots_and_boxes
  { game: 'dots_and_boxes', file: 'no-extra-turn', expectedTier: 'scenarios', expectedCheck: 'scenario: one line closing two boxes at once gives the mover another turn', messageFragment: 'the current player should be 0' },
  { game: 'dots_and_boxes', file: 'line-borders-one-box', expectedTier: 'differential', expectedCheck: 'same-current-player' },
  { game: 'dots_and_boxes', file: 'draw-goes-to-player0', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give [0,0]' },
  { game: 'dots_and_boxes', file: 'mutates-owners', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // kuhn_poker
  { game: 'kuhn_poker', file: 'leak-opponent-card', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'can tell apart two situations' },
  { game: 'kuhn_poker', file: 'fold-without-raise', expectedTier: 'scenarios', expectedCheck: 'scenario: player 0 opens with Call (check) or Raise: no fold without a raise to answer', messageFragment: 'the legal actions should be ["Call","Raise"]' },
  { game: 'kuhn_poker', file: 'reraise-allowed', expectedTier: 'scenarios', expectedCheck: 'scenario: facing a raise only Fold or Call remain (player 1)', messageFragment: 'the legal actions should be ["Fold","Call"]' },
  { game: 'kuhn_poker', file: 'showdown-pays-pot', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'kuhn_poker', file: 'fold-pays-pot', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  { game: 'kuhn_poker', file: 'resample-any-deal', expectedTier: 'information', expectedCheck: 'resample-observations', messageFragment: 'but the history says' },
  // leduc_poker
  { game: 'leduc_poker', file: 'chance-ignores-removal', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // Probabilities that sum to 1 over the right outcomes but follow card counts:
  // only a comparison with the reference's chance distribution can see it.
  { game: 'leduc_poker', file: 'chance-by-card-count', expectedTier: 'differential' },
  { game: 'leduc_poker', file: 'fold-only-facing-bet', expectedTier: 'scenarios', expectedCheck: 'scenario: after player 0 calls, player 1 may fold, check or raise (Fold is always offered)', messageFragment: 'the legal actions should be ["Fold","Call","Raise"]' },
  { game: 'leduc_poker', file: 'round2-raise-size', expectedTier: 'scenarios', expectedCheck: 'scenario: example: a pair of Jacks beats King-high, +6 / -6', messageFragment: 'the rewards should be [6,-6]' },
  { game: 'leduc_poker', file: 'mutates-contributions', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // (A leak at the showdown alone reaches no history in the paper's convention, which records a
  // player's own decisions only; this one comes before round 2's decisions.)
  { game: 'leduc_poker', file: 'public-card-reveals-opponent', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'can tell apart two situations' },
  // Right support, wrong posterior: only a distribution check can see it.
  { game: 'leduc_poker', file: 'resample-card-count-weights', expectedTier: 'information' },
  // Missing support (no same-rank deals): only a distribution check can see it.
  { game: 'leduc_poker', file: 'resample-no-pairs', expectedTier: 'information' },
  // checkers
  { game: 'checkers', file: 'king-turns-back-mid-jump', expectedTier: 'scenarios', expectedCheck: 'scenario: after a sequence\'s first jump every later jump goes forward only, kings included: the red king stops on (2, 7)', messageFragment: 'the legal actions should be ["jump_0_5_2_7"]' },
  { game: 'checkers', file: 'quiet-count-never-reset', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should not be over here' },
  { game: 'checkers', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'checkers', file: 'win-loss-one-zero', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  // Found by a random playout: black is blocked and left to move with no legal action.
  { game: 'checkers', file: 'blocked-side-not-lost', expectedTier: 'dynamics', expectedCheck: 'legal-actions-valid', messageFragment: 'at a non-terminal state' },
  { game: 'checkers', file: 'king-jumps-forward-only', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'missing' },
  // breakthrough
  { game: 'breakthrough', file: 'straight-capture', expectedTier: 'scenarios', expectedCheck: 'scenario: straight ahead never captures: black may take e6 only diagonally', messageFragment: '"e7xe6" should not be legal' },
  { game: 'breakthrough', file: 'captures-mandatory', expectedTier: 'scenarios', expectedCheck: 'scenario: capturing is optional: white may take on d5 or make any step', messageFragment: 'the legal actions should be' },
  { game: 'breakthrough', file: 'files-wrap-around', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'should not allow ["h1-a3","h2-a4"]' },
  { game: 'breakthrough', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // With optional captures random playouts almost never capture a side's last piece: the scenario does.
  { game: 'breakthrough', file: 'no-move-not-lost', expectedTier: 'scenarios', expectedCheck: 'scenario: black captures white\'s last piece: white cannot move and loses', messageFragment: 'the game should be over' },
  { game: 'breakthrough', file: 'one-observation', expectedTier: 'consistency', expectedCheck: 'observations-well-formed', messageFragment: 'expected one per player (2)' },
  // pentago
  { game: 'pentago', file: 'five-before-turn', expectedTier: 'scenarios', expectedCheck: 'scenario: the five is checked after the turn: turning quadrant 0 clockwise lifts x\'s column onto the top row', messageFragment: 'the game should be over' },
  { game: 'pentago', file: 'turn-directions-swapped', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'missing' },
  { game: 'pentago', file: 'full-board-goes-on', expectedTier: 'dynamics', expectedCheck: 'legal-actions-valid', messageFragment: 'at a non-terminal state' },
  { game: 'pentago', file: 'draw-half-point', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  { game: 'pentago', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // No scenario has a down-left diagonal five: only the random trajectories meet one.
  { game: 'pentago', file: 'missing-anti-diagonals', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should be over here' },
  { game: 'pentago', file: 'mover-wins-double-five', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give [0,0]' },
  // gen_tic_tac_toe
  { game: 'gen_tic_tac_toe', file: 'exactly-four', expectedTier: 'scenarios', expectedCheck: 'scenario: filling the gap makes five in a row, which wins', messageFragment: 'the game should be over' },
  { game: 'gen_tic_tac_toe', file: 'one-way-scan', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should be over here' },
  { game: 'gen_tic_tac_toe', file: 'taken-cells-offered', expectedTier: 'dynamics', expectedCheck: 'no-crash', messageFragment: 'that cell is already taken' },
  { game: 'gen_tic_tac_toe', file: 'full-board-before-line', expectedTier: 'scenarios', expectedCheck: 'scenario: a line completed by the 36th mark is a win, not a draw', messageFragment: 'the rewards should be [-1,1], not [0,0]' },
  // y
  { game: 'y', file: 'other-hex-orientation', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should be over here' },
  { game: 'y', file: 'corner-counts-one-side', expectedTier: 'scenarios', expectedCheck: 'scenario: Black wins along the y = 0 side: its end cells are corners, which touch two sides each', messageFragment: 'the game should be over' },
  { game: 'y', file: 'actions-after-win', expectedTier: 'dynamics', expectedCheck: 'terminal-has-no-actions', messageFragment: 'at a terminal state' },
  // converge
  { game: 'converge', file: 'pass-always-allowed', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'should not allow ["pass"]' },
  { game: 'converge', file: 'turn-limit-off-by-one', expectedTier: 'dynamics', expectedCheck: 'length-bounded', messageFragment: 'it should end within 50' },
  { game: 'converge', file: 'orthogonal-steps-only', expectedTier: 'scenarios', expectedCheck: 'scenario: opening: Blue moves first, each corner unit has three steps, and pass is not allowed', messageFragment: 'the legal actions should be' },
  { game: 'converge', file: 'mutates-units', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'converge', file: 'stun-from-origin', expectedTier: 'scenarios', expectedCheck: 'scenario: a unit moved next to an enemy unit stuns it: Red may only move its other unit', messageFragment: 'the legal actions should be ["move (4,4) to (3,3)"' },
  // go
  { game: 'go', file: 'ko-compares-points', expectedTier: 'scenarios', expectedCheck: 'scenario: the golden\'s ko test reads only the stones: White\'s capture on (8,6) makes Black\'s capture on (8,8) read as the board before it', messageFragment: '"place_8_8" should not be legal' },
  { game: 'go', file: 'ko-not-enforced', expectedTier: 'scenarios', expectedCheck: 'scenario: ko: a stone with no liberties of its own captures, and Black may not retake at once', messageFragment: '"place_1_2" should not be legal' },
  { game: 'go', file: 'self-atari-counted-legal', expectedTier: 'scenarios', expectedCheck: 'scenario: suicide of a two-stone group is illegal when it captures nothing', messageFragment: '"place_1_0" should not be legal' },
  { game: 'go', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'go', file: 'area-counts-stones-only', expectedTier: 'scenarios', expectedCheck: 'scenario: area scoring: a lone black stone owns every empty point, so Black wins 81 to 6.5', messageFragment: 'the rewards should be [1,-1]' },
  { game: 'go', file: 'rewards-only-at-end', expectedTier: 'scenarios', expectedCheck: 'scenario: opening: Black moves first and may play any of the 81 points or pass; on the empty board komi has White ahead', messageFragment: 'the rewards should be [-1,1]' },
  { game: 'go', file: 'komi-to-black', expectedTier: 'scenarios', expectedCheck: 'scenario: two passes on the empty board end the game: White wins on komi', messageFragment: 'the rewards should be [-1,1]' },
  // gen_chess
  { game: 'gen_chess', file: 'pins-ignored', expectedTier: 'scenarios', expectedCheck: 'scenario: a pawn pinned to its king by a bishop may not step off the diagonal, but may take the pinner', messageFragment: '"P_d2_d3" should not be legal' },
  { game: 'gen_chess', file: 'stalemate-wins', expectedTier: 'scenarios', expectedCheck: 'scenario: stalemate: Black is not in check and every piece is blocked', messageFragment: 'the rewards should be [0,0]' },
  { game: 'gen_chess', file: 'en-passant-never-expires', expectedTier: 'scenarios', expectedCheck: 'scenario: en passant is lost if not taken at once', messageFragment: 'should not be legal' },
  // No scenario captures before the fifty-move count: only the random trajectories show it.
  { game: 'gen_chess', file: 'clock-ignores-captures', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should not be over here' },
  { game: 'gen_chess', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // first_price_auction
  { game: 'first_price_auction', file: 'bid-shown-at-once', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 1 can tell apart two situations' },
  { game: 'first_price_auction', file: 'tie-goes-to-player1', expectedTier: 'scenarios', expectedCheck: 'scenario: equal bids: player 0 wins the tie, a surplus of 5 - 2 split +1.5/-1.5', messageFragment: 'the rewards should be [1.5,-1.5]' },
  { game: 'first_price_auction', file: 'winner-pays-second-price', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'first_price_auction', file: 'valuations-from-zero', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // Right support minus one bid: only the posterior check sees it.
  { game: 'first_price_auction', file: 'resample-bid-off-by-one', expectedTier: 'information', expectedCheck: 'resample-matches-posterior' },
  // liars_dice
  // The random trajectories' challenges do not separate wild from plain ones; the scenarios do.
  { game: 'liars_dice', file: 'ones-not-wild', expectedTier: 'scenarios', expectedCheck: 'scenario: wild ones: two 6s plus three 1s make five 6s, so the bid stands', messageFragment: 'the rewards should be [1,-1]' },
  { game: 'liars_dice', file: 'challenge-loser-inverted', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'liars_dice', file: 'dice-shown-while-rolling', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'can tell apart two situations' },
  // Caught by the information tier's per-step posterior test or its replay of every drawn world.
  { game: 'liars_dice', file: 'resample-never-six', expectedTier: 'information', expectedCheck: 'resample-matches-posterior' },
  // blackjack
  { game: 'blackjack', file: 'dealer-hits-17', expectedTier: 'scenarios', expectedCheck: 'scenario: the dealer stands on soft 17 (A, 6)', messageFragment: 'the legal actions should be ["S"]' },
  { game: 'blackjack', file: 'natural-pays-even', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give [1.5,-1.5]' },
  { game: 'blackjack', file: 'deal-from-full-deck-odds', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // The player sees the hole card. The partition checks never meet two trajectories that differ only in it
  // (52 cards); only the posterior check sees the sampler's certainty about the hole.
  { game: 'blackjack', file: 'hole-hidden-from-dealer', expectedTier: 'information', expectedCheck: 'resample-matches-posterior', messageFragment: 'player 0:' },
  // Caught by the information tier's per-step posterior test or its replay of every drawn world.
  { game: 'blackjack', file: 'resample-hole-ignores-player-cards', expectedTier: 'information', expectedCheck: 'resample-runs', messageFragment: 'threw' },
  // battleship
  { game: 'battleship', file: 'hit-shoots-again', expectedTier: 'scenarios', expectedCheck: 'scenario: a hit does not earn another shot: the turn passes to player 1', messageFragment: 'the current player should be 1' },
  { game: 'battleship', file: 'ship-wraps-rows', expectedTier: 'differential', expectedCheck: 'same-legal-actions', messageFragment: 'should not allow ["place_p0:03_10|' },
  { game: 'battleship', file: 'single-ship-anywhere', expectedTier: 'scenarios', expectedCheck: 'scenario: chance first places player 0\'s whole fleet in one step: 336 fleets (24 places for the two-cell ship, 14 cells left for the other)', messageFragment: 'the legal actions should be' },
  { game: 'battleship', file: 'resample-pair-first', expectedTier: 'information', expectedCheck: 'resample-matches-posterior' },
  // poker_holdem
  { game: 'poker_holdem', file: 'wheel-not-straight', expectedTier: 'scenarios', expectedCheck: 'scenario: the wheel (A-2-3-4-5) is a straight and beats three kings', messageFragment: 'the rewards should be [2,-2]' },
  { game: 'poker_holdem', file: 'small-blind-first-postflop', expectedTier: 'differential', expectedCheck: 'same-current-player', messageFragment: 'the rules say 1' },
  { game: 'poker_holdem', file: 'raise-skips-call', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'poker_holdem', file: 'mutates-betting', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'poker_holdem', file: 'fold-winner-takes-pot', expectedTier: 'consistency', expectedCheck: 'utility-kind', messageFragment: 'this game is zero-sum' },
  // hand_of_war
  { game: 'hand_of_war', file: 'pick-shown-to-player1', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 1 can tell apart two situations' },
  { game: 'hand_of_war', file: 'low-card-wins', expectedTier: 'scenarios', expectedCheck: 'scenario: the sixth battle ends the game (no card left to refill the hand): 8 win-pile cards to 4 for player 0', messageFragment: 'the rewards should be [1,-1]' },
  { game: 'hand_of_war', file: 'mutates-hands', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  { game: 'hand_of_war', file: 'resample-first-card', expectedTier: 'information', expectedCheck: 'resample-matches-posterior' },
  // goofspiel
  { game: 'goofspiel', file: 'pending-bid-shown', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 1 can tell apart two situations' },
  { game: 'goofspiel', file: 'tie-goes-to-player0', expectedTier: 'scenarios', expectedCheck: 'scenario: thirteen tied rounds: nobody scores and the game is a draw', messageFragment: 'the rewards should be [0,0]' },
  { game: 'goofspiel', file: 'counts-rounds-not-prizes', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'goofspiel', file: 'prize-odds-ignore-turned-cards', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  { game: 'goofspiel', file: 'resample-bid-from-full-hand', expectedTier: 'information', expectedCheck: 'resample-legal', messageFragment: 'is not legal' },
  // havannah
  { game: 'havannah', file: 'bridge-needs-three-corners', expectedTier: 'scenarios', expectedCheck: 'scenario: bridge: P1 links corners S1 and S10 down column S and wins at once', messageFragment: 'the game should be over' },
  { game: 'havannah', file: 'edges-count-as-corners', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should not be over here' },
  // No scenario has a pocket closed partly by opponent stones: only the random trajectories meet one.
  { game: 'havannah', file: 'opponent-stones-close-rings', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should not be over here' },
  { game: 'havannah', file: 'actions-after-win', expectedTier: 'dynamics', expectedCheck: 'terminal-has-no-actions', messageFragment: 'at a terminal state' },
  // chess
  { game: 'chess', file: 'castle-through-attacked-square', expectedTier: 'scenarios', expectedCheck: 'scenario: castling is not possible through an attacked square (the a6 bishop covers f1 and e2)', messageFragment: '"O-O" should not be legal' },
  { game: 'chess', file: 'quiet-move-rule-off-by-one', expectedTier: 'scenarios', expectedCheck: 'scenario: quiet-move rule: the 50th ply without a pawn move or capture draws (the paper\'s golden: 50 plies, not 100)', messageFragment: 'the game should be over' },
  { game: 'chess', file: 'fifty-moves-not-plies', expectedTier: 'scenarios', expectedCheck: 'scenario: quiet-move rule: the 50th ply without a pawn move or capture draws (the paper\'s golden: 50 plies, not 100)', messageFragment: 'the game should be over' },
  { game: 'chess', file: 'rook-on-a-file-keeps-right', expectedTier: 'scenarios', expectedCheck: 'scenario: any rook leaving the a-file loses the queen-side castling right (the paper\'s golden), even the h1 rook', messageFragment: '"O-O-O" should not be legal' },
  { game: 'chess', file: 'lone-minor-not-drawn', expectedTier: 'scenarios', expectedCheck: 'scenario: insufficient material: taking the last pawn to leave king and bishop against king draws', messageFragment: 'the game should be over' },
  { game: 'chess', file: 'stalemate-wins', expectedTier: 'scenarios', expectedCheck: 'scenario: Loyd\'s ten-move stalemate: Black has no legal move and is not in check', messageFragment: 'the rewards should be [0,0], not [1,-1]' },
  // No scenario captures before the fifty-move count: only the random trajectories show it.
  { game: 'chess', file: 'clock-ignores-captures', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should not be over here' },
  // negotiation
  { game: 'negotiation', file: 'proposer-scores-rest', expectedTier: 'differential', expectedCheck: 'same-rewards', messageFragment: 'the rules give' },
  { game: 'negotiation', file: 'player0-values-for-both', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 1 can tell apart two situations' },
  { game: 'negotiation', file: 'eleventh-proposal-offered', expectedTier: 'differential', expectedCheck: 'same-terminal', messageFragment: 'should be over here' },
  { game: 'negotiation', file: 'deal-odds-per-player', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  { game: 'negotiation', file: 'resample-values-below-max', expectedTier: 'information', expectedCheck: 'resample-matches-posterior' },
  // quadranto
  { game: 'quadranto', file: 'quadrant-by-row-only', expectedTier: 'differential', expectedCheck: 'observations-hide-no-more', messageFragment: 'cannot tell apart two situations' },
  { game: 'quadranto', file: 'draw-after-21-moves', expectedTier: 'dynamics', expectedCheck: 'length-bounded', messageFragment: 'it should end within 22' },
  // Caught by the information tier's per-step posterior test or its replay of every drawn world.
  { game: 'quadranto', file: 'resample-moves-over-five', expectedTier: 'information', expectedCheck: 'resample-matches-posterior' },
  // backgammon
  { game: 'backgammon', file: 'doubles-played-twice', expectedTier: 'differential', expectedCheck: 'same-legal-actions' },
  { game: 'backgammon', file: 'rolls-weighted-as-real-dice', expectedTier: 'differential', expectedCheck: 'same-chance-probabilities' },
  { game: 'backgammon', file: 'dice-always-pick-mover', expectedTier: 'scenarios', expectedCheck: 'scenario: once a checker has been hit, player 0 moves after every roll, doubles or not', messageFragment: 'the current player should be 0' },
  { game: 'backgammon', file: 'mutates-board', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
  // Random trajectories rarely reach a roll of which only one die can be played: only the scenario sees it.
  // hanabi
  { game: 'hanabi', file: 'discard-at-full-tokens', expectedTier: 'scenarios', expectedCheck: 'scenario: after the deal player 0 acts: no discard at 8 clues, reveals only of what player 1 holds', messageFragment: 'the legal actions should be' },
  { game: 'hanabi', file: 'score-after-last-fuse', expectedTier: 'scenarios', expectedCheck: 'scenario: the fourth misplay ends the game with score 0 even with a card on the stacks', messageFragment: 'the rewards should be' },
  { game: 'hanabi', file: 'own-hand-shown', expectedTier: 'differential', expectedCheck: 'observations-reveal-no-more', messageFragment: 'player 0 can tell apart two situations' },
  { game: 'hanabi', file: 'deal-odds-over-full-deck', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  // The hidden cards include cards the player has seen elsewhere: the resampler's replay refuses them.
  { game: 'hanabi', file: 'resample-forgets-seen-cards', expectedTier: 'information', expectedCheck: 'resample-runs' },
  // gin_rummy
  { game: 'gin_rummy', file: 'undercut-without-bonus', expectedTier: 'scenarios', expectedCheck: 'scenario: undercut: a defender at or below the knocker\'s deadwood gets 25 plus the difference (Js set aside leaves it 0)', messageFragment: 'the rewards should be' },
  { game: 'gin_rummy', file: 'wall-at-empty-stock', expectedTier: 'scenarios', expectedCheck: 'scenario: a draw that leaves fewer than two stock cards is the wall: player 0 can only pass', messageFragment: 'the legal actions should be' },
  { game: 'gin_rummy', file: 'deal-odds-full-deck', expectedTier: 'consistency', expectedCheck: 'chance-distribution', messageFragment: 'they must sum to 1' },
  { game: 'gin_rummy', file: 'mutates-hands', expectedTier: 'dynamics', expectedCheck: 'no-mutation', messageFragment: 'tried to modify its input' },
];

const DYNAMIC_TIERS: DynamicTier[] = ['dynamics', 'consistency', 'information', 'scenarios', 'differential'];

/** Loads a (trusted) fixture into the host, compiled exactly as for the sandbox. */
async function loadOnHost(source: string, file: string): Promise<AnyGameCWM> {
  const script = await compileCandidate(source, file);
  return runInThisContext(`(function () {\n${script}\nreturn ${CANDIDATE_GLOBAL};\n})()`, { filename: file }) as AnyGameCWM;
}

function failuresOf(report: VerificationReport): string[] {
  return Object.entries(report.tiers).flatMap(([tier, t]) =>
    t.checks.filter((c) => !c.passed).map((c) => `${tier}/${c.name}: ${c.message ?? ''}`));
}

// ---------------------------------------------------------------------------
// Reproduction on the host: replay a failing check's `actions` and show the
// failure is there at the end of them. Each returns a description of what it
// found, or null when the actions do not reproduce the failure.

function replay(game: AnyGameCWM, actions: Action[], freeze = false): unknown {
  let state = game.getInitialState();
  if (freeze) deepFreeze(state);
  for (const action of actions) {
    state = game.applyAction(state, action);
    if (freeze) deepFreeze(state);
  }
  return state;
}

function thrownText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The dynamics and consistency checks, evaluated at the state after `actions`. */
function reproduceDynamics(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const info = getGame(gameId).info;
  const actions = check.actions ?? [];
  // The verifier hands candidates fresh, unfrozen inputs and compares them after each call, so a
  // no-mutation failure's actions may end with the call that changed its input: replaying them on
  // frozen states shows it by throwing there.
  let state: unknown;
  try {
    state = replay(game, actions, true);
  } catch (error) {
    if (check.name === 'no-mutation') return `replaying the actions on frozen states threw ${thrownText(error)}`;
    throw error;
  }
  const player = game.getCurrentPlayer(state);
  switch (check.name) {
    case 'no-mutation':
    case 'no-crash': {
      try {
        game.getLegalActions(state);
        game.getRewards(state);
        game.getObservations(state);
        if (player === TERMINAL) return null;
        for (const action of game.getLegalActions(state)) {
          game.applyAction(state, action);
          game.applyAction(state, action);
        }
        if (player === CHANCE) chanceOutcomes(game, state);
      } catch (error) {
        return `a call on the frozen state threw ${thrownText(error)}`;
      }
      return null;
    }
    case 'legal-actions-valid': {
      if (player === TERMINAL) return null;
      const legal = game.getLegalActions(state);
      if (!Array.isArray(legal) || legal.length === 0) return `no legal action at a non-terminal state (player ${player})`;
      if (new Set(legal).size !== legal.length) return `duplicate legal actions ${JSON.stringify(legal)}`;
      return legal.every((a) => typeof a === 'string') ? null : `non-string legal actions ${JSON.stringify(legal)}`;
    }
    case 'terminal-has-no-actions': {
      const legal = game.getLegalActions(state);
      return player === TERMINAL && legal.length > 0 ? `legal actions ${JSON.stringify(legal)} at a terminal state` : null;
    }
    case 'length-bounded':
      return player !== TERMINAL && actions.length >= info.maxGameLength ? `not over after ${actions.length} actions` : null;
    case 'chance-distribution': {
      if (player !== CHANCE) return null;
      const outcomes = chanceOutcomes(game, state);
      const total = outcomes.reduce((sum, [, p]) => sum + p, 0);
      if (Math.abs(total - 1) > 1e-6) return `chance probabilities sum to ${total}`;
      if (outcomes.some(([, p]) => !(p > 0 && p <= 1))) return `a chance probability out of (0, 1]: ${JSON.stringify(outcomes)}`;
      const listed = outcomes.map(([a]) => a).sort();
      const legal = game.getLegalActions(state).slice().sort();
      return stableStringify(listed) !== stableStringify(legal) ? `outcomes ${JSON.stringify(listed)} vs legal ${JSON.stringify(legal)}` : null;
    }
    case 'observations-well-formed': {
      const observations = game.getObservations(state);
      return !Array.isArray(observations) || observations.length !== info.players
        ? `getObservations returned ${Array.isArray(observations) ? observations.length : typeof observations} observations for ${info.players} players` : null;
    }
    case 'utility-kind': {
      if (player !== TERMINAL) return null;
      const rewards = game.getRewards(state);
      const sum = rewards.reduce((a, b) => a + b, 0);
      if (info.utility === 'zero-sum' && Math.abs(sum) > 1e-6) return `terminal rewards ${JSON.stringify(rewards)} sum to ${sum}`;
      if (info.utility === 'identical' && rewards.some((r) => r !== rewards[0])) return `terminal rewards ${JSON.stringify(rewards)} differ`;
      return null;
    }
    default:
      throw new Error(`no host reproduction for the ${check.name} check; add one to test/mutants.test.ts`);
  }
}

/** The scenario of that name fails on the mutant and passes on the reference. */
function reproduceScenario(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const definition = getGame(gameId);
  const scenario = definition.scenarios.find((s) => `scenario: ${s.name}` === check.name);
  if (!scenario) throw new Error(`no scenario behind the check "${check.name}"`);
  expect(check.actions).toEqual(scenario.actions);
  expect(scenarioProblem(definition.cwm, scenario)).toBeNull();
  return scenarioProblem(game, scenario);
}

/** What one aspect of the state after `actions` looks like, to compare candidate and reference. */
function aspect(game: AnyGameCWM, state: unknown, name: string): string {
  switch (name) {
    case 'same-terminal': return String(game.getCurrentPlayer(state) === TERMINAL);
    case 'same-current-player': return String(game.getCurrentPlayer(state));
    case 'same-legal-actions': return stableStringify(game.getLegalActions(state).slice().sort());
    case 'same-rewards': return stableStringify(game.getRewards(state));
    case 'same-chance-probabilities': return stableStringify(chanceOutcomes(game, state).slice().sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    default: throw new Error(`no host reproduction for the ${name} check; add one to test/mutants.test.ts`);
  }
}

/**
 * A step-comparison check: the candidate and the reference disagree after
 * `actions` and agree after every shorter prefix (it is the first diverging
 * step of that trajectory). An information-partition check: the two action
 * sequences named in the message look alike to the player in one game and
 * different in the other.
 */
function reproduceDifferential(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const reference = getGame(gameId).cwm;
  const actions = check.actions ?? [];
  if (check.name === 'observations-reveal-no-more' || check.name === 'observations-hide-no-more') {
    const match = /player (\d+) .*?after (\[[^\]]*\]) and after (\[[^\]]*\])/.exec(check.message ?? '');
    if (!match) throw new Error(`cannot read the player and the two situations from "${check.message}"`);
    const player = Number(match[1]);
    const first = JSON.parse(match[2]) as Action[];
    const second = JSON.parse(match[3]) as Action[];
    expect(second).toEqual(actions);
    const seen = (g: AnyGameCWM, a: Action[]) => stableStringify(g.getObservations(replay(g, a))[player]);
    const refSame = seen(reference, first) === seen(reference, second);
    const candSame = seen(game, first) === seen(game, second);
    if (check.name === 'observations-reveal-no-more' && refSame && !candSame) {
      return `player ${player} tells ${JSON.stringify(first)} from ${JSON.stringify(second)}; the reference does not`;
    }
    if (check.name === 'observations-hide-no-more' && !refSame && candSame) {
      return `player ${player} confuses ${JSON.stringify(first)} with ${JSON.stringify(second)}; the reference does not`;
    }
    return null;
  }
  if (check.name === 'candidate-accepts-actions') {
    try {
      replay(game, actions);
      return null;
    } catch (error) {
      return `replaying threw ${thrownText(error)}`;
    }
  }
  for (let step = 0; step < actions.length; step++) {
    const prefix = actions.slice(0, step);
    const earlier = aspect(game, replay(game, prefix), check.name) === aspect(reference, replay(reference, prefix), check.name);
    expect(earlier, `the ${check.name} check already disagreed after ${JSON.stringify(prefix)}`).toBe(true);
  }
  const cand = aspect(game, replay(game, actions), check.name);
  const ref = aspect(reference, replay(reference, actions), check.name);
  return cand !== ref ? `after ${JSON.stringify(actions)} the candidate gives ${cand}, the reference ${ref}` : null;
}

/** The true history of `actions` seen by the player in the message; some resample of it fails. */
function reproduceInformation(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  if (check.name === 'resample-matches-posterior') return reproducePosterior(game, gameId, check);
  if (!['resample-runs', 'resample-legal', 'resample-observations', 'resample-own-actions', 'resample-complete'].includes(check.name)) {
    throw new Error(`no host reproduction for the ${check.name} check; add one to test/mutants.test.ts`);
  }
  // resample-runs names the player in the call it reports, the other checks at the start.
  const match = /^player (\d+):/.exec(check.message ?? '') ?? /^resampleHistory\(history, (\d+)\)/.exec(check.message ?? '');
  if (!match) throw new Error(`cannot read the player from "${check.message}"`);
  const player = Number(match[1]);
  // The tier's actions run up to the player's last decision; its history is the paper's: own decisions only.
  const history = historyFor(game, check.actions ?? [], player);
  for (let seed = 0; seed < 600; seed++) {
    try {
      const resampled = game.resampleHistory!(history, player, new Rng(seed).randomFn);
      const problem = replayAgainstHistory(game, resampled, player, history);
      if (problem) return `${problem.check}: ${problem.message}`;
    } catch (error) {
      return `resampleHistory threw ${thrownText(error)}`;
    }
  }
  return null;
}

/** Indices in `actions` of the steps `player` did not take (the hidden ones, and chance). */
function othersSteps(game: AnyGameCWM, actions: string[], player: number): number[] {
  const steps: number[] = [];
  let state = game.getInitialState();
  actions.forEach((action, t) => {
    if (game.getCurrentPlayer(state) !== player) steps.push(t);
    state = game.applyAction(state, action);
  });
  return steps;
}

/** On the host: 3,000 resamples from candidate and reference differ significantly in their hidden actions. */
function reproducePosterior(game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  const player = Number(/^player (\d+):/.exec(check.message ?? '')![1]);
  const actions = check.actions ?? [];
  const reference = getGame(gameId).cwm;
  // 3,000 draws each on the host: the whole hidden worlds, and the action drawn at each hidden step.
  const draw = (g: AnyGameCWM) => {
    const history = historyFor(g, actions, player);
    const rng = new Rng(99);
    const hidden = othersSteps(g, actions, player);
    const worlds = new Map<string, number>();
    const marginals = hidden.map(() => new Map<string, number>());
    for (let k = 0; k < 3000; k++) {
      const resampled = g.resampleHistory!(history, player, rng.randomFn);
      const world = hidden.map((t) => resampled[t]).join(' ');
      worlds.set(world, (worlds.get(world) ?? 0) + 1);
      hidden.forEach((t, i) => marginals[i].set(resampled[t], (marginals[i].get(resampled[t]) ?? 0) + 1));
    }
    return { worlds, marginals };
  };
  const candidate = draw(game);
  const expected = draw(reference);
  const pValues = [homogeneityPValue(candidate.worlds, expected.worlds),
    ...candidate.marginals.map((m, i) => homogeneityPValue(m, expected.marginals[i]))];
  const p = Math.min(...pValues);
  return p < 1e-5 / pValues.length ? `hidden-world distributions differ (p = ${p})` : null;
}

function reproduce(tier: DynamicTier, game: AnyGameCWM, gameId: string, check: CheckResult): string | null {
  switch (tier) {
    case 'dynamics':
    case 'consistency': return reproduceDynamics(game, gameId, check);
    case 'scenarios': return reproduceScenario(game, gameId, check);
    case 'differential': return reproduceDifferential(game, gameId, check);
    case 'information': return reproduceInformation(game, gameId, check);
  }
}

// ---------------------------------------------------------------------------

let verifier: Verifier;
beforeAll(() => {
  verifier = new Verifier({
    // Verdicts, not speed, are under test: a limit far above any tier's cost keeps a loaded machine
    // (CI shares two cores between forked workers) from turning a slow tier into a wrong verdict.
    limits: { memoryMb: 64, timeoutMs: 30_000, maxResultChars: 1_000_000 },
    playouts: 30, histories: 30, trajectories: 30,
  });
});
afterAll(() => verifier.dispose());

describe('the mutant set', () => {
  it('has at least three mutants for every built-in game, one fixture per entry', () => {
    for (const game of GAMES) {
      expect(MUTANTS.filter((m) => m.game === game.info.id).length, game.info.id).toBeGreaterThanOrEqual(3);
    }
    expect(MUTANTS.map((m) => `${m.game}/${m.file}`).sort()).toEqual(storedMutants());
  });

  it('covers every dynamic tier', () => {
    for (const tier of DYNAMIC_TIERS) expect(MUTANTS.some((m) => m.expectedTier === tier), tier).toBe(true);
  });
});

describe.each(MUTANTS.map((m) => [`${m.game}/${m.file}`, m] as const))('mutant %s', (_name, mutant) => {
  it(`is rejected by the ${mutant.expectedTier} tier${mutant.expectedCheck ? ` (${mutant.expectedCheck})` : ''}, with actions that reproduce it`, async () => {
    const source = mutantSource(mutant.game, mutant.file);
    const info = getGame(mutant.game).info;
    const report = await verifier.verify(source, { info, referenceId: mutant.game }, `${mutant.game}/${mutant.file}.cwm.ts`);

    // A subtle bug, not a broken module.
    expect(report.diagnostics).toEqual([]);
    expect(report.tiers.static.checks.filter((c) => !c.passed)).toEqual([]);

    const tier = report.tiers[mutant.expectedTier];
    expect(tier.applicable).toBe(true);
    const failing = tier.checks.filter((c) => !c.passed);
    const seen = `ok=${report.ok}; failing checks: ${JSON.stringify(failuresOf(report))}`;
    expect(failing.length, `the ${mutant.expectedTier} tier has no failing check (${seen})`).toBeGreaterThan(0);
    expect(report.ok).toBe(false);

    const check = mutant.expectedCheck === undefined ? failing[0] : failing.find((c) => c.name === mutant.expectedCheck);
    expect(check, `no failing "${mutant.expectedCheck}" check in the ${mutant.expectedTier} tier (${seen})`).toBeDefined();
    if (mutant.messageFragment !== undefined) expect(check!.message).toContain(mutant.messageFragment);

    // The report names the first diverging step, and replaying it reproduces the failure.
    expect(Array.isArray(check!.actions), `the ${check!.name} check carries no actions`).toBe(true);
    const game = await loadOnHost(source, `${mutant.file}.cwm.ts`);
    const reproduced = reproduce(mutant.expectedTier, game, mutant.game, check!);
    expect(reproduced, `replaying ${JSON.stringify(check!.actions)} does not reproduce: ${check!.message}`).not.toBeNull();
    // ...and it is the mutation's doing: the reference shows nothing wrong there.
    expect(reproduce(mutant.expectedTier, getGame(mutant.game).cwm, mutant.game, check!)).toBeNull();
  });
});

describe('after the mutants', () => {
  it.each(GAMES.map((g) => [g.info.id, g] as const))('the reference %s still verifies', async (id, game) => {
    const report = await verifier.verify(readFileSync(resolve(import.meta.dirname, '..', 'src', 'games', id, 'game.ts'), 'utf8'), { info: game.info, referenceId: id });
    expect(failuresOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
