// gamecwm as a library: the names a TypeScript user imports from 'gamecwm'.
// Internals (the sandbox's isolates, the harness, the runner protocol) stay out.

// The contract every GameCWM satisfies, and what the toolkit knows about a game.
export { CHANCE, TERMINAL } from './engine/contract.js';
export type { Action, AnyGameCWM, GameCWM, ObservationActionPair } from './engine/contract.js';
export type { GameInfo, InformationKind, UtilityKind } from './engine/game-info.js';
export type { GameDefinition } from './engine/game-definition.js';
export type { Scenario, ScenarioExpectation } from './engine/scenario.js';

// The 30 built-in reference games, and new games described by a facts file (`gamecwm init` writes one).
export { GAMES, findGame, getGame, UnknownGameError } from './games/index.js';
export { loadGameDescription, GameDescriptionError } from './games/new-game.js';
export type { GameDescription, DescriptionSource } from './games/new-game.js';

// Seeded play: one seed reproduces a match; agents act on what their seat may see.
export { Rng, deriveSeed } from './engine/rng.js';
export { playMatch } from './engine/match.js';
export type { MatchOptions, MatchResult, MatchSummary, SeatAgentFactory } from './engine/match.js';
export { playGame, GameFaultError, GameLengthError } from './engine/runner.js';
export type { Trajectory } from './engine/runner.js';
export { RandomAgent } from './engine/agent.js';
export type { Agent, DecisionContext } from './engine/agent.js';
export { MctsAgent, IsmctsAgent } from './agents/search-agents.js';
export { searchOptionsFor } from './agents/search-options.js';
export { NativeSearch } from './mcts/backend.js';
export type { SearchBackend } from './mcts/backend.js';
export { uctSearch } from './mcts/uct.js';
export { ismctsSearch } from './mcts/ismcts.js';
export { SearchError } from './mcts/search.js';
export type { SearchOptions, SearchResult, ActionStats } from './mcts/search.js';

// Untrusted candidates: a .ts or .py file loaded into the sandbox (or the Python runner) as a
// GameCWM that searches run next to.
export { loadCandidateModel, CandidateLoadError } from './agents/candidate-model.js';
export type { CandidateModel, CandidateLimits } from './agents/candidate-model.js';
export { DEFAULT_LIMITS, SandboxError } from './engine/sandbox/limits.js';
export type { SandboxLimits } from './engine/sandbox/limits.js';

// Verification and scores.
export { Verifier, DEFAULT_VERIFY_OPTIONS, TIER_NAMES } from './verifier/verify.js';
export type { VerificationReport, VerifyOptions, VerifyTarget, TierReport } from './verifier/verify.js';
export { verifyPython } from './verifier/verify-python.js';
export type { CheckResult } from './verifier/check-result.js';
export { evalScore, rlvrReward, REWARD_WEIGHTS } from './verifier/scores.js';
export type { TierName } from './verifier/scores.js';
export { RewardScorer } from './reward/score.js';

// Back-translation to the paper's Python format.
export { PythonTranslator } from './codegen/python/translate.js';
export type { Translation } from './codegen/python/translate.js';

// Generation with any OpenAI-compatible model, refined on the verifier's feedback.
export { runGeneration, buildPrompt, GenerationInterrupted } from './codegen/run.js';
export type { GenerationSettings, GenerationRun } from './codegen/run.js';
export { ChatProvider, ProviderError } from './codegen/provider.js';
