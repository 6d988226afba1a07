// Agent specs as written on the command line: "random", "human",
// "mcts[:iterations]", "ismcts[:iterations]".

export type AgentKind = 'random' | 'human';

export interface AgentSpec {
  kind: AgentKind;
  /** The spec as the user wrote it, for reports. */
  label: string;
}

export const AGENT_KINDS: readonly AgentKind[] = ['random', 'human'];

export class AgentSpecError extends Error {}

export function parseAgentSpec(text: string): AgentSpec {
  const label = text.trim();
  const [kind, ...rest] = label.split(':');
  if (!(AGENT_KINDS as readonly string[]).includes(kind)) {
    throw new AgentSpecError(`unknown agent "${label}"; agents are: ${AGENT_KINDS.join(', ')}`);
  }
  if (rest.length > 0) throw new AgentSpecError(`agent "${kind}" takes no parameters (got "${label}")`);
  return { kind: kind as AgentKind, label };
}

/** Parses "a,b,..." and checks there is one agent per player. */
export function parseAgentList(text: string, players: number): AgentSpec[] {
  const specs = text.split(',').map(parseAgentSpec);
  if (specs.length !== players) {
    throw new AgentSpecError(`this game has ${players} players but ${specs.length} agent${specs.length === 1 ? ' was' : 's were'} given ("${text}"); give one per player, e.g. ${Array(players).fill('random').join(',')}`);
  }
  return specs;
}
