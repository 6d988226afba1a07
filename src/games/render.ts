// Text rendering shared by the games' renderers (host side only: the GameCWM
// modules themselves stay free of imports).

/** A grid with column numbers on top and row numbers on the left. */
export function renderGrid(cells: string[][], options: { rowLabels?: string[] } = {}): string {
  const columns = cells[0]?.length ?? 0;
  const header = '   ' + Array.from({ length: columns }, (_, c) => String(c)).join(' ');
  const rows = cells.map((row, r) => `${(options.rowLabels?.[r] ?? String(r)).padStart(2)} ${row.join(' ')}`);
  return [header, ...rows].join('\n');
}

/** Splits a flat row-major array into rows of `width`. */
export function toRows<T>(flat: T[], width: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < flat.length; i += width) rows.push(flat.slice(i, i + width));
  return rows;
}

/** "key: value" lines, for table-like states such as card games. */
export function renderFields(fields: Array<[string, unknown]>): string {
  const width = Math.max(...fields.map(([key]) => key.length));
  return fields
    .map(([key, value]) => `${key.padEnd(width)}  ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** Rows for renderFields. */
export type Fields = Array<[string, unknown]>;

// Two-player poker (kuhn_poker, leduc_poker): a spectator's view of the table
// and a player's view of their seat. Player -1 is the chance player (a deal),
// -4 means the hand is over.

/** How a poker game speaks of its players and its deals. */
export interface PokerTerms {
  /** A player's name, as in "<name> to act" (usually the game's getPlayerName). */
  playerName(player: number): string;
  /** The status while a card is being dealt. */
  dealing: string;
}

/** "<name> to act", `terms.dealing` at a deal, "hand over" at the end. */
export function pokerStatus(terms: PokerTerms, currentPlayer: number): string {
  if (currentPlayer === -1) return terms.dealing;
  if (currentPlayer === -4) return 'hand over';
  return `${terms.playerName(currentPlayer)} to act`;
}

/** Betting actions joined by " - ", or "(none)". */
export function bettingLine(actions: string[]): string {
  return actions.length > 0 ? actions.join(' - ') : '(none)';
}

/** What the spectator's view reads from a poker state. */
export interface PokerHand {
  contributions: number[];
  currentPlayer: number;
  /** Whether a finished hand ended in a showdown (else a fold). */
  showdown: boolean;
  rewards: number[];
}

/**
 * The spectator's view: the `cards` rows, Contributions ("a / b") and Pot,
 * the `betting` rows, Status, and once the hand is over its Result.
 */
export function renderPokerState(terms: PokerTerms, hand: PokerHand, rows: { cards: Fields; betting: Fields }): string {
  const fields: Fields = [
    ...rows.cards,
    ['Contributions', `${hand.contributions[0]} / ${hand.contributions[1]}`],
    ['Pot', String(hand.contributions[0] + hand.contributions[1])],
    ...rows.betting,
    ['Status', pokerStatus(terms, hand.currentPlayer)],
  ];
  if (hand.currentPlayer === -4) {
    const how = hand.showdown ? 'showdown' : 'fold';
    fields.push(['Result', `${how}: rewards ${hand.rewards[0]} / ${hand.rewards[1]}`]);
  }
  return renderFields(fields);
}

/** What a player's view reads from their observation. */
export interface PokerSeat {
  /** Whose view this is. */
  player: number;
  /** The player's private card, null until dealt. */
  card: string | null;
  /** The opponent's private card, null (or absent, where never shown) while hidden. */
  opponentCard?: string | null;
  /** Whose turn it is; absent where the player's view does not tell (no Status row then). */
  currentPlayer?: number;
}

/** A player's view: who they are, both private cards, the `table` rows, Status. */
export function renderPokerObservation(terms: PokerTerms, seat: PokerSeat, table: Fields): string {
  return renderFields([
    ['You are', terms.playerName(seat.player)],
    ['Your card', seat.card ?? '(not dealt yet)'],
    ['Opponent card', seat.opponentCard ?? 'hidden'],
    ...table,
    ...(seat.currentPlayer === undefined ? [] : [['Status', pokerStatus(terms, seat.currentPlayer)] as [string, string]]),
  ]);
}

// One hidden choice each (matching_pennies, prisoners_dilemma): player 0
// chooses, then player 1 without seeing it; both are revealed at the end
// (currentPlayer -4). A player's view tells neither whose turn it is nor
// whether the opponent has chosen, only its own choice, then both.

/** What the choice renderers read from an observation. */
export interface HiddenChoices {
  /** choices[p]: player p's action, or null if not chosen (or hidden from this observer). */
  choices: Array<string | null>;
}

/** What the choice renderers read from a state. */
export interface HiddenChoicesState extends HiddenChoices {
  currentPlayer: number;
}

/** How a hidden-choice game speaks of its players and choices. */
export interface HiddenChoiceTerms<State> {
  /** A player as named in the rows, e.g. "player 0 (matcher)". */
  player(player: number): string;
  /** What one choice is called: "coin" gives "your coin", "opponent's coin", "both coins revealed". */
  noun: string;
  /** A chosen action as shown, e.g. "H (heads)". */
  label(action: string): string;
  /** The rewards shown once both have chosen (usually the game's getRewards). */
  rewards(state: State): number[];
}

/** renderState and renderObservation for a hidden-choice game. */
export function hiddenChoiceRenderers<State extends HiddenChoicesState, Observation extends HiddenChoices>(
  terms: HiddenChoiceTerms<State>,
): { renderState(state: State): string; renderObservation(observation: Observation, player: number): string } {
  const shown = (action: string | null, hidden: string): string => (action === null ? hidden : terms.label(action));
  const status = (currentPlayer: number): string =>
    currentPlayer === -4 ? `both ${terms.noun}s revealed` : `${terms.player(currentPlayer)} to choose`;
  return {
    renderState(state) {
      const fields: Fields = [
        [terms.player(0), shown(state.choices[0], 'not chosen')],
        [terms.player(1), shown(state.choices[1], 'not chosen')],
        ['status', status(state.currentPlayer)],
      ];
      if (state.currentPlayer === -4) fields.push(['rewards', terms.rewards(state)]);
      return renderFields(fields);
    },
    renderObservation(observation, player) {
      const over = observation.choices[0] !== null && observation.choices[1] !== null;
      const mine = observation.choices[player] === null ? 'your choice to make' : 'waiting for the reveal';
      return renderFields([
        ['you', terms.player(player)],
        [`your ${terms.noun}`, shown(observation.choices[player], 'not chosen')],
        [`opponent's ${terms.noun}`, shown(observation.choices[1 - player], 'hidden until both have chosen')],
        ['status', over ? status(-4) : mine],
      ]);
    },
  };
}

/** A square's name on a board of `files.length` files stored rank by rank from rank 1, e.g. "e4". */
export function chessSquareName(square: number, files: string): string {
  return `${files[square % files.length]}${Math.floor(square / files.length) + 1}`;
}

/** A square board stored rank by rank from rank 1: the top rank first, files under the board. */
export function renderChessBoard(board: string, files: string): string {
  const size = files.length;
  const lines: string[] = [];
  for (let rank = size - 1; rank >= 0; rank--) {
    lines.push(`${rank + 1}  ${board.slice(rank * size, rank * size + size).split('').join(' ')}`);
  }
  lines.push(`   ${files.split('').join(' ')}`);
  return lines.join('\n');
}
