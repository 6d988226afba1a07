// Turns parsed agent specs into the per-seat agent factory a match needs.

import type { Agent } from '../engine/agent.js';
import { RandomAgent } from '../engine/agent.js';
import type { GameDefinition } from '../engine/game-definition.js';
import type { SeatAgentFactory } from '../engine/match.js';
import { HumanAgent, LineReader } from './human.js';
import type { AgentSpec } from './spec.js';

export interface AgentIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface AgentSession {
  createAgent: SeatAgentFactory;
  /** Releases the terminal once the match is over. */
  close(): void;
}

export function agentSession(specs: AgentSpec[], definition: GameDefinition, io: AgentIo): AgentSession {
  let reader: LineReader | undefined;
  const createAgent: SeatAgentFactory = (seat, rng): Agent => {
    const spec = specs[seat];
    switch (spec.kind) {
      case 'random':
        return new RandomAgent(rng);
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
