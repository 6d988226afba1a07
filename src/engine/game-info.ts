// Metadata about a game that is not part of its rules code: who plays, what
// kind of game it is, and the bounds tools (fuzzers, MCTS, verifiers) rely on.

export type InformationKind = 'perfect' | 'imperfect';

/**
 * zero-sum: rewards sum to 0 at every terminal state.
 * general-sum: no constraint between players' rewards.
 * identical: every player receives the same reward (cooperative games).
 */
export type UtilityKind = 'zero-sum' | 'general-sum' | 'identical';

export interface GameInfo {
  /** Identifier as in the paper dataset, e.g. "kuhn_poker". */
  id: string;
  title: string;
  players: number;
  information: InformationKind;
  /** Whether the game has chance nodes. */
  chance: boolean;
  utility: UtilityKind;
  /** Upper bound on the number of actions (chance included) in any game. */
  maxGameLength: number;
  /** Smallest and largest reward any player can receive at a terminal state. */
  rewardRange: [number, number];
  /** The paper dataset's split. */
  split: 'train' | 'eval';
  /**
   * How many times the usual time per sandbox call verifying this game takes
   * (default 1): the verifier's per-call limit and its budget are multiplied by
   * it, so a correct game whose reference itself needs seconds (gin_rummy's
   * resampler, go's long playouts) is not cut by limits sized for tic-tac-toe.
   * Set from the reference's measured CPU time (README, "Verifying a candidate").
   */
  verifyTimeScale?: number;
}
