// `bench generate`: how reliably a model writes a game's rules in TypeScript
// and in Python when both are scored by the same verifier. Each (language,
// game) is one generation run (codegen/run.ts) in <out>/generate-runs/<lang>,
// whose reply cache makes the whole bench resumable: a rerun of the same
// command makes no model call and rebuilds the same report. Measured per
// run: first-try compile rate, pass rate per tier, mean eval score, RLVR
// reward and transition accuracy, solved, calls and tokens; per language the
// means over games and the best-score-vs-calls and solved-vs-calls curves.

import { join } from 'node:path';
import type { GameDefinition } from '../engine/game-definition.js';
import type { CodeLanguage } from '../codegen/extract.js';
import { paperRules } from '../codegen/prompts.js';
import { type Candidate, replyBudget, type Strategy } from '../codegen/refine.js';
import { buildPrompt, GenerationInterrupted, type GenerationSettings, runGeneration } from '../codegen/run.js';
import type { GenerationSummary } from '../codegen/summary.js';
import { readRules } from '../games/files.js';
import type { TierName } from '../verifier/scores.js';
import { TIER_NAMES } from '../verifier/verify.js';
import { heatMap, lineChart } from './charts.js';
import { describeMachine } from './machine.js';
import type { BenchReport, Cell } from './report.js';

/** What every run shares: the model, its budget and the verification (GenerationSettings without the game and language). */
export type SharedRunSettings = Omit<GenerationSettings, 'info' | 'referenceId' | 'rules' | 'language' | 'outDir' | 'paperDataset' | 'onReply'>;

export interface GenerateBenchOptions {
  games: readonly GameDefinition[];
  languages: readonly CodeLanguage[];
  /** The paper's dataset folder: its rules texts for every language, its template for Python. */
  paperDataset?: string;
  /** The bench folder; the runs go to <outDir>/generate-runs/<lang>. */
  outDir: string;
  run: SharedRunSettings;
  /** The options as given, recorded in the report. */
  recorded: Record<string, unknown>;
  /** Told about every reply used, and about each reply a run did not need (it stopped early), for progress. */
  onReply?: () => void;
}

/** What is measured of a run; per language, the means of these over its games. */
export interface Measures {
  /** Replies the run used (candidates), whether answered now or read from the cache. */
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Share of round-0 candidates whose static tier (parse, type-check, load) passes. */
  firstTryCompileRate: number;
  /** Per tier, the share of candidates where it applies that pass it; null where it applies to none (per language: to no game). */
  passRate: Record<TierName, number | null>;
  meanEval: number;
  meanReward: number;
  /** Mean over candidates with a transition accuracy; null when none has one. */
  meanTransitionAccuracy: number | null;
}

export interface RunMeasures extends Measures {
  game: string;
  language: CodeLanguage;
  /** The run's summary.json. */
  summary: string;
  /** Some candidate passed every tier. */
  solved: boolean;
  /** The number of calls up to and including the first passing candidate, in request order; null when unsolved. */
  solvedAtCall: number | null;
  /** Entry x-1: the best eval score among the first x candidates in request order. */
  bestEvalByCall: number[];
}

export interface CurvePoint {
  calls: number;
  /** Mean over games of the best eval score within this many calls (a finished game carries its best forward). */
  bestEval: number;
  /** Share of games solved within this many calls. */
  solved: number;
}

export interface LanguageMeasures extends Measures {
  language: CodeLanguage;
  games: number;
  /** Share of games solved. */
  solved: number;
  scoreVsCalls: CurvePoint[];
}

export interface GenerateBenchData {
  runs: RunMeasures[];
  languages: LanguageMeasures[];
}

/** One planned run: a game in a language, with its prompt already built (so a bad setting fails before any call). */
interface PlannedRun {
  game: GameDefinition;
  language: CodeLanguage;
  settings: GenerationSettings;
}

/** Thrown when a run stops on an error: the finished runs and the interrupted one's candidates are kept on disk. */
export class GenerateBenchInterrupted extends Error {
  override name = 'GenerateBenchInterrupted';

  constructor(readonly interrupted: GenerationInterrupted, readonly finishedRuns: number, readonly totalRuns: number, readonly runsDir: string) {
    super(interrupted.message);
  }
}

export function runsDir(outDir: string): string {
  return join(outDir, 'generate-runs');
}

/**
 * Every (language, game) run's settings, languages outer; builds each prompt once,
 * so a missing paper file or a bad example throws (PromptError) before any call.
 */
export function planGenerateBench(options: GenerateBenchOptions): PlannedRun[] {
  const plan: PlannedRun[] = [];
  for (const language of options.languages) {
    for (const game of options.games) {
      const { info } = game;
      const rules = options.paperDataset === undefined ? readRules(info.id) : paperRules(options.paperDataset, info.id);
      const settings: GenerationSettings = {
        ...options.run, info, referenceId: info.id, rules, language, outDir: join(runsDir(options.outDir), language),
        ...(options.paperDataset === undefined ? {} : { paperDataset: options.paperDataset }),
      };
      buildPrompt(settings);
      plan.push({ game, language, settings });
    }
  }
  return plan;
}

/** The most replies the whole bench can use (runs stop early when a candidate passes). */
export function plannedReplies(plan: readonly PlannedRun[]): number {
  return plan.reduce((sum, run) => sum + replyBudget(run.settings.strategy, run.settings), 0);
}

export async function runGenerateBench(options: GenerateBenchOptions, plan: readonly PlannedRun[]): Promise<BenchReport<GenerateBenchData>> {
  const createdAt = new Date().toISOString();
  const runs: RunMeasures[] = [];
  let spentCalls = 0;
  let cachedReplies = 0;
  // One game after another: the provider's concurrency runs a game's samples in parallel.
  for (const [index, planned] of plan.entries()) {
    let run;
    try {
      run = await runGeneration({ ...planned.settings, onReply: () => options.onReply?.() });
    } catch (error) {
      if (error instanceof GenerationInterrupted) throw new GenerateBenchInterrupted(error, index, plan.length, runsDir(options.outDir));
      throw error;
    }
    for (let unused = run.summary.llm.requests; unused < replyBudget(planned.settings.strategy, planned.settings); unused++) options.onReply?.();
    spentCalls += run.summary.llm.calls;
    cachedReplies += run.summary.llm.cached;
    runs.push(measureRun(run.summary, orderRequested(run.candidates, planned.settings.strategy), join(run.dir, 'summary.json')));
  }
  const languages = options.languages.map((language) => measureLanguage(language, runs.filter((r) => r.language === language)));
  const data: GenerateBenchData = { runs, languages };
  return {
    suite: 'generate',
    title: `Generation: ${options.run.model}, ${options.games.length} game${options.games.length === 1 ? '' : 's'} in ${options.languages.map((l) => LANGUAGE_NAMES[l]).join(' and ')}`,
    createdAt, machine: describeMachine(), seed: options.run.seed, settings: options.recorded, data,
    tables: [runTable(runs), languageTable(languages)],
    charts: charts(runs, languages),
    notes: notes(options, spentCalls, cachedReplies),
  };
}

/**
 * The candidates in the order they were requested. Conversation runs go in
 * lockstep rounds (round, then sample); the tree strategy asks for the
 * first attempts together and then one refinement at a time, in the order made.
 */
export function orderRequested(candidates: readonly Candidate[], strategy: Strategy): Candidate[] {
  if (strategy === 'conversation') return [...candidates].sort((a, b) => a.round - b.round || a.sample - b.sample);
  const first = candidates.filter((c) => c.round === 0).sort((a, b) => a.sample - b.sample);
  return [...first, ...candidates.filter((c) => c.round > 0)];
}

export function measureRun(summary: GenerationSummary, requested: readonly Candidate[], summaryPath: string): RunMeasures {
  const evals = requested.map((c) => c.report.scores.eval);
  const bestEvalByCall: number[] = [];
  for (const score of evals) bestEvalByCall.push(Math.max(score, bestEvalByCall.at(-1) ?? 0));
  const firstPass = requested.findIndex((c) => c.report.ok);
  const accuracies = requested.map((c) => c.report.scores.transitionAccuracy).filter((x): x is number => x !== null);
  return {
    game: summary.game, language: summary.language, summary: summaryPath,
    calls: summary.llm.requests, promptTokens: summary.llm.promptTokens, completionTokens: summary.llm.completionTokens,
    firstTryCompileRate: summary.firstTryCompileRate, passRate: summary.passRate,
    meanEval: mean(evals) ?? 0, meanReward: mean(requested.map((c) => c.report.scores.reward)) ?? 0, meanTransitionAccuracy: mean(accuracies),
    solved: summary.passed !== null, solvedAtCall: firstPass < 0 ? null : firstPass + 1, bestEvalByCall,
  };
}

export function measureLanguage(language: CodeLanguage, runs: readonly RunMeasures[]): LanguageMeasures {
  const passRate = {} as Record<TierName, number | null>;
  for (const tier of TIER_NAMES) passRate[tier] = mean(runs.map((r) => r.passRate[tier]).filter((x): x is number => x !== null));
  return {
    language, games: runs.length,
    calls: mean(runs.map((r) => r.calls)) ?? 0,
    promptTokens: mean(runs.map((r) => r.promptTokens)) ?? 0,
    completionTokens: mean(runs.map((r) => r.completionTokens)) ?? 0,
    firstTryCompileRate: mean(runs.map((r) => r.firstTryCompileRate)) ?? 0,
    passRate,
    meanEval: mean(runs.map((r) => r.meanEval)) ?? 0,
    meanReward: mean(runs.map((r) => r.meanReward)) ?? 0,
    meanTransitionAccuracy: mean(runs.map((r) => r.meanTransitionAccuracy).filter((x): x is number => x !== null)),
    solved: mean(runs.map((r) => (r.solved ? 1 : 0))) ?? 0,
    scoreVsCalls: scoreVsCalls(runs),
  };
}

/** x = 1 .. the most calls any game used: mean best eval within x calls, and the share solved within x calls. */
export function scoreVsCalls(runs: readonly RunMeasures[]): CurvePoint[] {
  const played = runs.filter((r) => r.bestEvalByCall.length > 0);
  const most = Math.max(0, ...played.map((r) => r.bestEvalByCall.length));
  return Array.from({ length: most }, (_, i) => ({
    calls: i + 1,
    bestEval: mean(played.map((r) => r.bestEvalByCall[Math.min(i, r.bestEvalByCall.length - 1)])) ?? 0,
    solved: mean(played.map((r) => (r.solvedAtCall !== null && r.solvedAtCall <= i + 1 ? 1 : 0))) ?? 0,
  }));
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, x) => sum + x, 0) / values.length;
}

const LANGUAGE_NAMES: Record<CodeLanguage, string> = { ts: 'TypeScript', python: 'Python' };
const percent = (x: number | null): Cell => (x === null ? null : `${Math.round(x * 100)}%`);
const round3 = (x: number | null): Cell => (x === null ? null : Math.round(x * 1000) / 1000);
const round1 = (x: number): number => Math.round(x * 10) / 10;

const MEASURE_COLUMNS = ['first-try compile', ...TIER_NAMES, 'mean eval', 'mean reward', 'mean transition acc.'];

function measureCells(m: Measures): Cell[] {
  return [percent(m.firstTryCompileRate), ...TIER_NAMES.map((t) => percent(m.passRate[t])), round3(m.meanEval), round3(m.meanReward), round3(m.meanTransitionAccuracy)];
}

function runTable(runs: readonly RunMeasures[]) {
  return {
    id: 'runs',
    title: 'Per game and language (pass rates among the candidates where a tier applies)',
    columns: ['game', 'language', 'calls', ...MEASURE_COLUMNS, 'solved', 'prompt tokens', 'completion tokens'],
    rows: runs.map((r) => [r.game, LANGUAGE_NAMES[r.language], r.calls, ...measureCells(r), r.solved ? `yes (call ${r.solvedAtCall})` : 'no', r.promptTokens, r.completionTokens]),
  };
}

function languageTable(languages: readonly LanguageMeasures[]) {
  return {
    id: 'languages',
    title: 'Per language (means over games)',
    columns: ['language', 'games', 'calls', ...MEASURE_COLUMNS, 'solved', 'prompt tokens', 'completion tokens'],
    rows: languages.map((l) => [LANGUAGE_NAMES[l.language], l.games, round1(l.calls), ...measureCells(l), percent(l.solved), Math.round(l.promptTokens), Math.round(l.completionTokens)]),
  };
}

function charts(runs: readonly RunMeasures[], languages: readonly LanguageMeasures[]) {
  const series = (y: (p: CurvePoint) => number) => languages.map((l) => ({ name: LANGUAGE_NAMES[l.language], points: l.scoreVsCalls.map((p): [number, number] => [p.calls, y(p)]) }));
  return [
    {
      id: 'pass-rates', title: 'Pass rate per tier',
      svg: heatMap({
        title: 'Pass rate per tier (candidates where the tier applies)', rows: runs.map((r) => `${r.game} · ${r.language}`), columns: [...TIER_NAMES],
        values: runs.map((r) => TIER_NAMES.map((t) => r.passRate[t])), min: 0, max: 1, format: (v) => `${Math.round(v * 100)}%`,
      }),
    },
    {
      id: 'score-vs-calls', title: 'Best eval score vs LLM calls',
      svg: lineChart({ title: 'Best eval score vs LLM calls (mean over games)', xLabel: 'LLM calls per game', yLabel: 'best eval score', series: series((p) => p.bestEval), yRange: [0, 1] }),
    },
    {
      id: 'solved-vs-calls', title: 'Games solved vs LLM calls',
      svg: lineChart({ title: 'Share of games solved vs LLM calls', xLabel: 'LLM calls per game', yLabel: 'share solved', series: series((p) => p.solved), yRange: [0, 1] }),
    },
  ];
}

function notes(options: GenerateBenchOptions, spentCalls: number, cachedReplies: number): string[] {
  const { run } = options;
  return [
    `Rules given to the model: ${options.paperDataset === undefined ? 'the project\'s rules.md' : `the paper's rules texts (${options.paperDataset}/games/<id>/rules.txt)`} for every language.`
      + ` Prompts: TypeScript, the project's own${options.languages.includes('python') ? '; Python, the paper\'s template' : ''}.`,
    `Budget per game: ${run.samples} sample${run.samples === 1 ? '' : 's'}, ${run.strategy} refinement ${run.refine}; a run stops at the first candidate that passes every tier.`,
    'Every candidate is scored by the same verifier (Python modules through the runner). First-try compile: the static tier (parse, type-check, load) among first attempts.',
    'Mean eval, reward and transition accuracy are over all candidates; "calls" counts the replies a run used, cached ones included.',
    'Score vs calls: candidates in request order; a game that stopped early carries its best score forward.',
    `Runs in ${runsDir(options.outDir)}; this invocation made ${spentCalls} call${spentCalls === 1 ? '' : 's'} to the endpoint and read ${cachedReplies} repl${cachedReplies === 1 ? 'y' : 'ies'} from the cache.`,
  ];
}
