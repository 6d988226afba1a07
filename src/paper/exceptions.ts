// The documented exceptions to "our reference behaves as the paper's golden"
// (issue 14): places where we keep a behaviour the golden does not have, each
// with its reason. The README's games table says the same in its notes column.
// A disagreement the conformance check finds is excused only when its kind and
// its message both match an entry of the game: any other disagreement, of the
// same game too, still fails.

export interface PaperException {
  /** Disagreement kinds of python/golden_agreement.py (legal_actions, observations_player0 where the golden's observations separate more situations, observations_player0_finer where ours do, ...). */
  kinds: RegExp;
  /** What the disagreement's message must say to be this exception and no other. */
  message: RegExp;
  reason: string;
}

export const PAPER_EXCEPTIONS: Readonly<Record<string, readonly PaperException[]>> = {
  pig: [{
    kinds: /^observations_player\d_finer$/,
    message: /ours separates situations the golden does not/,
    reason: 'the observation at a die roll says whose roll it is; the golden\'s shows only the scores and the turn total, so two rolls by different players look alike',
  }],
  dots_and_boxes: [{
    kinds: /^observations_player\d$/,
    message: /golden separates situations ours does not/,
    reason: 'the golden lists its drawn lines in Python set order, which depends on the order they were drawn (and varies between processes), so equal boards can look different; ours shows the lines in a fixed order',
  }, {
    kinds: /^observations_player\d_finer$/,
    message: /ours separates situations the golden does not/,
    reason: 'the golden\'s observation does not say whose turn it is (after a completed box the same player moves again); ours does',
  }],
};

/**
 * Goldens that draw their deal inside apply_action (one opaque chance action,
 * gin_rummy's "deal_random"): nothing to compare there, so both sides are
 * dealt the same seeded whole deals ("deal:<cards>", which ours accepts with
 * the golden's meaning) and compared from then on (golden_agreement.py
 * --opening-deals). Game -> how many different deals.
 */
export const OPENING_DEALS: Readonly<Record<string, { deals: number; reason: string }>> = {
  gin_rummy: {
    deals: 300,
    reason: 'the golden shuffles inside apply_action ("deal_random"), which no seed reaches; ours deals the cards one by one as explicit chance and accepts the golden\'s "deal:<cards>"',
  },
};

/** The exception that excuses this disagreement, if any. */
export function excusedBy(game: string, kind: string, message: string): PaperException | undefined {
  return PAPER_EXCEPTIONS[game]?.find((e) => e.kinds.test(kind) && e.message.test(message));
}

/**
 * Where `gamecwm verify <golden.py> --game <id>` fails the paper's own
 * golden, and why (the README's "The paper's goldens under verify" says the
 * same). Each entry names the failing check and what its message must say; a
 * golden fails only there, every other check of it passes. `sampled`: found
 * only by sampling (the posterior's chi-square tests, random play reaching two
 * look-alike situations), so a short run may miss it: excused when it fails,
 * not required to.
 */
export interface GoldenFault {
  /** The check's name, or a pattern for a family of checks (the scenarios). */
  check: string | RegExp;
  message: RegExp;
  /** The golden is wrong by its own rules (true), or differs from a convention of ours it does not share (false). */
  goldenIsWrong: boolean;
  sampled?: boolean;
  reason: string;
}

export const GOLDEN_FAULTS: Readonly<Record<string, readonly GoldenFault[]>> = {
  gin_rummy: [
    {
      check: 'resample-legal', message: /resampled action "deal:.+" is not legal \(legal: \["deal_random"\]\)/, goldenIsWrong: true,
      reason: 'its resampler returns "deal:<cards>" with repeated cards, which its own rules refuse (they deal only through the opaque "deal_random"); the paper\'s evaluator fails it too',
    },
    { check: 'resample-matches-posterior', message: /the posterior could not be compared: replaying the rules' actions threw IndexError/, goldenIsWrong: true, reason: 'its apply_action crashes on a single "deal:<card>" (the actions of the paper\'s own scenarios)' },
    { check: /^scenario: /, message: /"deal_random"/, goldenIsWrong: true, reason: 'the paper\'s scenarios deal card by card ("deal:Ah"), which the golden does not accept: it offers only "deal_random"' },
    { check: 'same-legal-actions', message: /missing \["deal:As"/, goldenIsWrong: true, reason: 'the deal is the opaque "deal_random", a shuffle inside apply_action that no seed reaches (nondeterministic)' },
    { check: 'same-chance-probabilities', message: /chance outcome "deal:As" has probability 0/, goldenIsWrong: true, reason: 'the same opaque deal: no card has a probability of its own' },
    { check: 'candidate-accepts-actions', message: /apply_action\(state, "deal:.+"\) raised IndexError/, goldenIsWrong: true, reason: 'the same: a card-by-card deal crashes it' },
  ],
  hand_of_war: [{
    check: 'resample-legal', message: /resampled action "play:\w+" is not legal/, goldenIsWrong: true,
    reason: 'its resampler draws the opponent\'s hidden plays from the whole half of the deck the opponent was dealt, not from the cards in its hand, so some draws replay a play its own rules refuse',
  }],
  leduc_poker: [{
    check: 'resample-matches-posterior', message: /resampleHistory's hidden actions follow|resampleHistory draws/, goldenIsWrong: true, sampled: true,
    reason: 'its deal offers each rank left once, so its evaluator draws ranks equally likely, but its resampler draws the opponent\'s card weighted by the copies left (a K opposite a K one time in five instead of one in three)',
  }],
  hanabi: [{
    check: 'resample-matches-posterior', message: /resampleHistory draws|resampleHistory's hidden actions follow/, goldenIsWrong: true, sampled: true,
    reason: 'its deal offers each card type left once (equally likely), but its resampler fills unknown cards from a pool weighted by the copies left, so 1s come back more often than its own deal gives them',
  }],
  quadranto: [{
    check: 'resample-matches-posterior', message: /resampleHistory draws|resampleHistory's hidden actions follow/, goldenIsWrong: false, sampled: true,
    reason: 'its resampler draws hidden start positions uniformly among those consistent with what the player saw; our posterior test weighs each world by how likely a uniformly random opponent was to make the moves seen (fewer moves from an edge), so the two differ; the paper\'s convention fixes no weighting',
  }],
  pig: [
    { check: 'scenario: after 1000 actions without a winner the game ends in a draw', message: /after \["roll","1"/, goldenIsWrong: false, reason: 'our documented exception: a drawn end after 1,000 actions keeps every game finite; the golden has no limit' },
    { check: 'observations-hide-no-more', message: /cannot tell apart two situations the rules let it distinguish/, goldenIsWrong: false, sampled: true, reason: 'our documented exception: our observation at a die roll says whose roll it is; the golden\'s does not' },
  ],
};

/** The fault that explains a failing check of a golden, if any. */
export function goldenFaultFor(game: string, check: string, message: string): GoldenFault | undefined {
  return GOLDEN_FAULTS[game]?.find((f) => (typeof f.check === 'string' ? f.check === check : f.check.test(check)) && f.message.test(message));
}
