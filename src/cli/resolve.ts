// Looks up CLI arguments, turning library errors into user errors.

import { AgentSpecError, parseAgentList, type AgentSpec } from '../agents/spec.js';
import type { GameDefinition } from '../engine/game-definition.js';
import { getGame, UnknownGameError } from '../games/index.js';
import { UserError } from './errors.js';

export function resolveGame(id: string): GameDefinition {
  try {
    return getGame(id);
  } catch (error) {
    if (error instanceof UnknownGameError) throw new UserError(error.message);
    throw error;
  }
}

export function resolveAgents(text: string, players: number): AgentSpec[] {
  try {
    return parseAgentList(text, players);
  } catch (error) {
    if (error instanceof AgentSpecError) throw new UserError(error.message);
    throw error;
  }
}

/** Runs a step that validates agents against a game, turning spec errors into user errors. */
export function resolveSession<T>(create: () => T): T {
  try {
    return create();
  } catch (error) {
    if (error instanceof AgentSpecError) throw new UserError(error.message);
    throw error;
  }
}
