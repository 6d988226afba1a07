// Who won a game, from its final returns.

/** The player with the strictly highest return, or null when the highest is shared. */
export function winnerOf(returns: number[]): number | null {
  let best = -Infinity;
  let winner: number | null = null;
  for (let p = 0; p < returns.length; p++) {
    if (returns[p] > best) {
      best = returns[p];
      winner = p;
    } else if (returns[p] === best) {
      winner = null;
    }
  }
  return winner;
}

/** Every player received the same return. */
export function isDraw(returns: number[]): boolean {
  return returns.every((r) => r === returns[0]);
}
