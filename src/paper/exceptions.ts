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
