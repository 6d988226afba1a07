// Turns parsed agent specs into the per-seat agent factory a match needs.

import type { Agent } from '../engine/agent.js';
import { RandomAgent } from '../engine/agent.js';
import type { GameDefinition } from '../engine/game-definition.js';
import type { SeatAgentFactory } from '../engine/match.js';
import type { SearchBackend } from '../mcts/backend.js';
import { HumanAgent, LineReader } from './human.js';
import { IsmctsAgent, MctsAgent } from './search-agents.js';
import { searchOptionsFor } from './search-options.js';
import type { SearchOptions } from '../mcts/search.js';
import { AgentSpecError, type AgentSpec } from './spec.js';

export interface AgentIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface AgentSettings {
  /** Where searches run (native for built-in games, the sandbox for a candidate file). */
  backend: SearchBackend;
  /** UCT exploration constant. */
  c?: number;
  /** Rollouts per leaf. */
  rollouts?: number;
}

export interface AgentSession {
  createAgent: SeatAgentFactory;
  /** Releases the terminal once the match is over. */
  close(): void;
}


export function agentSession(specs: AgentSpec[], definition: GameDefinition, io: AgentIo, settings: AgentSettings): AgentSession {
  for (const spec of specs) {
    if (spec.kind === 'ismcts' && !definition.cwm.resampleHistory) {
      throw new AgentSpecError(`ismcts needs the game's resampleHistory to determinise, and ${definition.info.id} has none; use mcts`);
    }
    if (spec.kind === 'mcts' && definition.info.information === 'imperfect') {
      throw new AgentSpecError(`mcts searches from the true state, which ${definition.info.id} hides; use ismcts for imperfect-information games`);
    }
  }
  let reader: LineReader | undefined;
  const searchOptions = (iterations: number): SearchOptions => searchOptionsFor(definition.info, iterations, settings);
  const createAgent: SeatAgentFactory = (seat, rng): Agent => {
    const spec = specs[seat];
    switch (spec.kind) {
      case 'random':
        return new RandomAgent(rng);
      case 'mcts':
        return new MctsAgent(settings.backend, searchOptions(spec.iterations!), rng);
      case 'ismcts':
        return new IsmctsAgent(settings.backend, searchOptions(spec.iterations!), rng);
      case 'human':
        reader ??= new LineReader(io.input);
        return new HumanAgent({
          input: io.input,
          output: io.output,
          render: (observation, player) => definition.renderObservation(observation, player),
          playerName: (player) => definition.cwm.getPlayerName(player),
        }, reader);
    }
  };
  return { createAgent, close: () => reader?.close() };
}
