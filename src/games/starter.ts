// The files `gamecwm init` writes for a new game: rules.md, facts.json,
// scenarios.json and <id>.ts. The module is a tiny complete game (take-away:
// take one or two tokens, whoever takes the last one wins) shaped by the
// flags, so that verify, play and arena work before the user changes a line,
// and the user edits a module that already passes every check instead of
// filling blanks: every contract function is there in the portable subset,
// with chance (--chance) and hidden information with its resampler
// (--imperfect) written out where the flags ask for them.

import type { Scenario } from '../engine/scenario.js';

export interface StarterOptions {
  id: string;
  imperfect: boolean;
  chance: boolean;
}

export interface StarterFiles {
  'rules.md': string;
  'facts.json': string;
  'scenarios.json': string;
  /** The module, written as <id>.ts. */
  module: string;
}

const PILES = [5, 6, 7, 8];
const FIXED_PILE = 7;

export function starterFiles(options: StarterOptions): StarterFiles {
  const title = options.id.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  // The pile is set by an opening action: by chance, or secretly by the first player when hidden information has no chance.
  const opening = options.chance || options.imperfect;
  const facts = {
    id: options.id, title, players: 2, information: options.imperfect ? 'imperfect' : 'perfect', chance: options.chance,
    utility: 'zero-sum', maxGameLength: opening ? Math.max(...PILES) + 1 : FIXED_PILE, rewardRange: [-1, 1],
    rules: 'rules.md', scenarios: 'scenarios.json',
  };
  return {
    'rules.md': rulesText(title, options, opening),
    'facts.json': `${JSON.stringify(facts, null, 2)}\n`,
    'scenarios.json': `${JSON.stringify(scenarios(options, opening), null, 2)}\n`,
    module: moduleText(title, options, opening),
  };
}

function rulesText(title: string, options: StarterOptions, opening: boolean): string {
  const pile = !opening ? `The pile holds ${FIXED_PILE} tokens. The first player takes first.`
    : options.chance
      ? `Chance sets the pile to ${PILES.join(', ')} tokens, each equally likely${options.imperfect ? '; only the first player is told the size' : ''}. Then the second player takes first.`
      : `The first player secretly sets the pile to ${PILES.join(', ')} tokens. Then the second player takes first.`;
  return `# ${title}

(The starting point \`gamecwm init\` wrote: a tiny take-away game. Replace it with your game's rules,
keeping an "Action strings" section: models and players read the actions from it.)

Two players share a pile of tokens. ${pile} In turn, a player takes one or two tokens (two when one is
left takes the last). Whoever takes the last token wins (reward 1, the other player -1).${options.imperfect ? ' The second player sees how many tokens have been taken, not the size of the pile, until the game ends.' : ''}

## Action strings

${opening ? `- \`pile<n>\`: the opening sets the pile to n tokens, e.g. \`pile6\`${options.chance ? ' (a chance outcome)' : ''}.\n` : ''}- \`take1\`, \`take2\`: take one or two tokens.
`;
}

function scenarios(options: StarterOptions, opening: boolean): Scenario[] {
  const start = opening ? [`pile${FIXED_PILE}`] : [];
  const first = opening ? 1 : 0;
  const last = 1 - first; // four takes: first, other, first, other
  const rewards = last === 0 ? [1, -1] : [-1, 1];
  const list: Scenario[] = [];
  if (opening) {
    list.push({
      name: 'the opening sets the pile',
      actions: [],
      expect: { currentPlayer: options.chance ? -1 : 0, legalActions: PILES.map((n) => `pile${n}`) },
    });
  }
  list.push(
    { name: 'a player takes one or two tokens', actions: start, expect: { currentPlayer: first, terminal: false, legalActions: ['take1', 'take2'] } },
    { name: 'whoever takes the last token wins', actions: [...start, 'take2', 'take2', 'take2', 'take1'], expect: { terminal: true, rewards, winner: last, legalActions: [] } },
    { name: 'taking two when one is left takes the last', actions: [...start, 'take2', 'take2', 'take2', 'take2'], expect: { terminal: true, winner: last } },
  );
  return list;
}

function moduleText(title: string, options: StarterOptions, opening: boolean): string {
  const { imperfect, chance } = options;
  const lines: string[] = [];
  const add = (text: string) => lines.push(text);
  add(`// ${title} as a GameCWM: a starting point written by \`gamecwm init\`. It is a tiny
// complete game (take-away, see rules.md) that passes \`gamecwm verify\`: replace its rules
// with your game's, keeping the exported names, plain-JSON states and pure functions.

export type Action = string;

export interface State {
  /** Tokens in the pile at the start${opening ? ' (0 until the opening sets it)' : ''}. */
  pile: number;
  /** Tokens taken so far. */
  taken: number;
  /** Every action so far, oldest first. */
  moves: Action[];
  /** Player to move (0 or 1)${chance ? ', CHANCE (-1) at the opening' : ''}, or TERMINAL (-4) once the pile is empty. */
  player: number;
  /** Who took the last token, else null. */
  winner: number | null;
}
`);
  if (imperfect) {
    add(`/** What a player sees: the second player does not see the pile (nor the opening) until the end. */
export interface Observation {
  pile: number | null;
  taken: number;
  moves: Action[];
  player: number;
  winner: number | null;
}
`);
  } else {
    add('/** Perfect information: both players see the whole state. */\nexport type Observation = State;\n');
  }
  if (chance) add('const CHANCE = -1;');
  add('const TERMINAL = -4;');
  add(opening ? `const PILES = [${PILES.join(', ')}];\n` : `const PILE = ${FIXED_PILE};\n`);
  add(`export function getInitialState(): State {
  return { pile: ${opening ? 0 : 'PILE'}, taken: 0, moves: [], player: ${chance ? 'CHANCE' : '0'}, winner: null };
}

export function getLegalActions(state: State): Action[] {
  if (state.player === TERMINAL) return [];${opening ? "\n  if (state.pile === 0) return PILES.map((n) => `pile${n}`);" : ''}
  return ['take1', 'take2'];
}

export function applyAction(state: State, action: Action): State {
  if (!getLegalActions(state).includes(action)) throw new Error(\`illegal action \${action}\`);
  const moves = state.moves.concat([action]);${opening ? "\n  // The opening: the pile's size, then the second player takes first.\n  if (state.pile === 0) return { pile: Number(action.slice(4)), taken: 0, moves, player: 1, winner: null };" : ''}
  const taken = Math.min(state.pile, state.taken + Number(action.slice(4)));
  if (taken === state.pile) return { pile: state.pile, taken, moves, player: TERMINAL, winner: state.player };
  return { pile: state.pile, taken, moves, player: 1 - state.player, winner: null };
}

export function getCurrentPlayer(state: State): number {
  return state.player;
}

export function getPlayerName(player: number): string {
  return player === 0 ? 'first' : 'second';
}

export function getRewards(state: State): number[] {
  if (state.winner === null) return [0, 0];
  return state.winner === 0 ? [1, -1] : [-1, 1];
}
`);
  if (chance) {
    add(`/** The opening's sizes, equally likely; no outcomes away from the chance node. */
export function getChanceOutcomes(state: State): Array<[Action, number]> {
  if (state.player !== CHANCE) return [];
  return PILES.map((n): [Action, number] => [\`pile\${n}\`, 1 / PILES.length]);
}
`);
  }
  if (imperfect) {
    add(`export function getObservations(state: State): Observation[] {
  return [observe(state, 0), observe(state, 1)];
}

function observe(state: State, player: number): Observation {
  const hidden = player === 1 && state.player !== TERMINAL;
  return {
    pile: hidden || state.pile === 0 ? null : state.pile,
    taken: state.taken,
    moves: hidden ? state.moves.map((move, i) => (i === 0 ? 'hidden' : move)) : state.moves.slice(),
    player: state.player,
    winner: state.winner,
  };
}

/**
 * The player's own decisions, oldest first, each [observation before acting, action taken]
 * (the last may be [current observation, null]): a full action list from the start that
 * explains them. Only the opening can be hidden: any pile larger than the tokens taken when
 * the player last had to move fits, each equally likely.
 */
export function resampleHistory(history: Array<[Observation, Action | null]>, player: number, random: () => number): Action[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1];
  const own = last[1];
  const moves = own === null ? last[0].moves.slice() : last[0].moves.concat([own]);
  if (moves.length > 0 && moves[0] === 'hidden') {
    const sizes = PILES.filter((n) => n > last[0].taken);
    moves[0] = \`pile\${sizes[Math.floor(random() * sizes.length)]}\`;
  }
  return moves;
}
`);
  } else {
    add(`export function getObservations(state: State): Observation[] {
  return [state, state];
}
`);
  }
  return lines.join('\n');
}
