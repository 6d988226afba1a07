// Everything the toolkit knows about a built-in game: its GameCWM module plus
// the metadata, scenarios and text renderers that live beside it.

import type { GameCWM } from './contract.js';
import type { GameInfo } from './game-info.js';
import type { Scenario } from './scenario.js';

export interface GameDefinition<State = unknown, Observation = unknown> {
  info: GameInfo;
  cwm: GameCWM<State, Observation>;
  scenarios: Scenario[];
  /** The whole state, as a spectator sees it. */
  renderState(state: State): string;
  /** What one player sees; used when a person plays. */
  renderObservation(observation: Observation, player: number): string;
}
