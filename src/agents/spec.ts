// Agent specs as written on the command line: "random", "human",
// "mcts[:iterations]", "ismcts[:iterations]".

export type AgentKind = 'random' | 'human' | 'mcts' | 'ismcts';

export interface AgentSpec {
  kind: AgentKind;
  /** Search iterations per move (mcts and ismcts). */
  iterations?: number;
  /** The spec as the user wrote it, for reports. */
  label: string;
}

export const AGENT_KINDS: readonly AgentKind[] = ['random', 'human', 'mcts', 'ismcts'];
const SEARCH_KINDS: readonly AgentKind[] = ['mcts', 'ismcts'];
export const DEFAULT_ITERATIONS = 1000;
export const MAX_ITERATIONS = 10_000_000;

export class AgentSpecError extends Error {}

export function parseAgentSpec(text: string): AgentSpec {
  const label = text.trim();
  const [kind, ...rest] = label.split(':');
  if (!(AGENT_KINDS as readonly string[]).includes(kind)) {
    throw new AgentSpecError(`unknown agent "${label}"; agents are: random, human, mcts[:iterations], ismcts[:iterations]`);
  }
  if (!SEARCH_KINDS.includes(kind as AgentKind)) {
    if (rest.length > 0) throw new AgentSpecError(`agent "${kind}" takes no parameters (got "${label}")`);
    return { kind: kind as AgentKind, label };
  }
  if (rest.length > 1) throw new AgentSpecError(`agent "${label}": write ${kind}:<iterations>, e.g. ${kind}:1000`);
  const iterations = rest.length === 0 ? DEFAULT_ITERATIONS : Number(rest[0]);
  if (rest.length === 1 && (!/^\d+$/.test(rest[0]) || iterations < 1 || iterations > MAX_ITERATIONS)) {
    throw new AgentSpecError(`agent "${label}": iterations must be an integer from 1 to ${MAX_ITERATIONS}`);
  }
  return { kind: kind as AgentKind, iterations, label: rest.length === 0 ? `${kind}:${iterations}` : label };
}

/** Parses "a,b,..." and checks there is one agent per player. */
export function parseAgentList(text: string, players: number): AgentSpec[] {
  const specs = text.split(',').map(parseAgentSpec);
  if (specs.length !== players) {
    throw new AgentSpecError(`this game has ${players} players but ${specs.length} agent${specs.length === 1 ? ' was' : 's were'} given ("${text}"); give one per player, e.g. ${Array(players).fill('random').join(',')}`);
  }
  return specs;
}
