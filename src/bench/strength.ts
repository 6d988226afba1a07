// `bench strength`: how well MCTS plays when it plans over a candidate CWM
// instead of the true rules (the CWM paper's comparison with ground-truth
// MCTS). Per game, three pairings of N games each, seats rotating, seeded:
// candidate-MCTS vs reference-MCTS, candidate-MCTS vs random, and
// reference-MCTS vs random (the ceiling). The game itself always runs by the
// reference rules, natively; only the candidate agent plans over the
// candidate (src/agents/candidate-planner.ts). ISMCTS for imperfect
// information. Without candidates, each game's own reference module loaded
// into the sandbox is the candidate: a control that must come out even.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCandidateModel, type CandidateLimits, type CandidateModel } from '../agents/candidate-model.js';
import { type CandidateHealth, CandidatePlanner, emptyTally, type PlannerTally } from '../agents/candidate-planner.js';
import { searchOptionsFor } from '../agents/search-options.js';
import { IsmctsAgent, MctsAgent } from '../agents/search-agents.js';
import { type Agent, RandomAgent } from '../engine/agent.js';
import type { GameDefinition } from '../engine/game-definition.js';
import { playMatch } from '../engine/match.js';
import { deriveSeed, type Rng } from '../engine/rng.js';
import { errorText } from '../engine/sandbox/sandbox.js';
import { gameModulePath } from '../games/files.js';
import { GAMES } from '../games/index.js';
import { NativeSearch } from '../mcts/backend.js';
import { PACKAGE_ROOT } from '../paths.js';
import { barChart } from './charts.js';
import { describeMachine } from './machine.js';
import type { BenchReport, BenchTable, Cell } from './report.js';

export const DEFAULT_SIMULATIONS = 1000;
export const DEFAULT_GAMES_PER_PAIR = 20;
/** Without --games: the first eight games of the registry (they are quick). */
export const DEFAULT_STRENGTH_GAMES = GAMES.slice(0, 8);
export const CONTROL_LABEL = 'reference (sandboxed)';

export interface CandidateSource {
  game: string;
  /** What the tables call it: the language of a generated candidate, or CONTROL_LABEL. */
  label: string;
  /** The file to load. */
  file: string;
  /** The file as the report shows it: relative to the candidates folder (or the package, for the control). */
  shown: string;
}

export interface FoundCandidates {
  candidates: CandidateSource[];
  /** Games with no candidate, and why. */
  missing: Array<{ game: string; reason: string }>;
}

/**
 * The candidates in `dir` for `games`: `<game>.ts` / `<game>.py` files, or in
 * a `bench generate` output folder the best candidate of each
 * generate-runs/<lang>/<game>/summary.json (one per game and language).
 */
export function findCandidates(dir: string, games: readonly GameDefinition[]): FoundCandidates {
  const runs = join(dir, 'generate-runs');
  const candidates: CandidateSource[] = [];
  const missing: FoundCandidates['missing'] = [];
  const generated = existsSync(runs) && statSync(runs).isDirectory();
  const languages = generated ? readdirSync(runs).filter((lang) => statSync(join(runs, lang)).isDirectory()).sort() : [];
  for (const game of games) {
    const id = game.info.id;
    const before = candidates.length;
    if (generated) {
      const reasons: string[] = [];
      for (const lang of languages) {
        const summaryPath = join(runs, lang, id, 'summary.json');
        if (!existsSync(summaryPath)) continue;
        let best: string | null = null;
        try {
          best = (JSON.parse(readFileSync(summaryPath, 'utf8')) as { best?: { file?: string } | null }).best?.file ?? null;
        } catch (error) {
          reasons.push(`${relative(dir, summaryPath)} is unreadable (${errorText(error)})`);
          continue;
        }
        if (best === null) {
          reasons.push(`${relative(dir, summaryPath)} names no best candidate`);
          continue;
        }
        const file = join(runs, lang, id, best);
        candidates.push({ game: id, label: lang, file, shown: relative(dir, file) });
      }
      if (candidates.length === before) missing.push({ game: id, reason: reasons.join('; ') || `no generate-runs/<lang>/${id}/summary.json` });
    } else {
      for (const [ext, label] of [['ts', 'ts'], ['py', 'python']] as const) {
        const file = join(dir, `${id}.${ext}`);
        if (existsSync(file)) candidates.push({ game: id, label, file, shown: `${id}.${ext}` });
      }
      if (candidates.length === before) missing.push({ game: id, reason: `no ${id}.ts or ${id}.py` });
    }
  }
  return { candidates, missing };
}

/** The control: every game's own reference module, loaded into the sandbox like any candidate. */
export function controlCandidates(games: readonly GameDefinition[]): CandidateSource[] {
  return games.map((game) => {
    const file = gameModulePath(game.info.id);
    return { game: game.info.id, label: CONTROL_LABEL, file, shown: relative(PACKAGE_ROOT, file) };
  });
}

export interface StrengthSettings {
  games: readonly GameDefinition[];
  /** The candidates to measure; games with none are skipped with a note. */
  candidates: CandidateSource[];
  /** True when the candidates are the control (reference modules in the sandbox). */
  control: boolean;
  /** Games without a candidate, with the reason, for the notes. */
  missing?: FoundCandidates['missing'];
  gamesPerPair: number;
  simulations: number;
  seed: number;
  limits: CandidateLimits;
  /** Called once with the total number of games to play, then after every game. */
  progress?: (total: number) => { tick(): void; stop(): void };
}

export type PairingKind = 'candidate-vs-reference' | 'candidate-vs-random' | 'reference-vs-random';

export interface PairingResult {
  kind: PairingKind;
  /** The first agent's and its opponent's names. */
  agents: [string, string];
  games: number;
  seed: number;
  /** Games the first agent won, lost and drew. */
  wins: number;
  losses: number;
  draws: number;
  /** (wins + draws / 2) / games. */
  winRate: number;
  meanReturn: number;
  /** Half-width of the 95% confidence interval of meanReturn. */
  ci95: number;
  opponentMeanReturn: number;
  opponentCi95: number;
  /** What the candidate's planning did (pairings with a candidate). */
  planner: PlannerTally | null;
  /** Wall-clock seconds (the only figure that differs between runs with the same seed). */
  seconds: number;
}

export interface CandidateStrength {
  label: string;
  file: string;
  /** Why the candidate could not be loaded; its pairings were then not played. */
  loadError: string | null;
  /** Set when the candidate hit a time or memory limit, after which every move of it fell back. */
  disabled: string | null;
  vsReference: PairingResult | null;
  vsRandom: PairingResult | null;
}

export interface GameStrength {
  game: string;
  title: string;
  search: 'mcts' | 'ismcts';
  /** seats: agents share the table, seats rotating. team: a cooperative game, each side plays all seats on the same seeds and the returns are compared game by game. */
  mode: 'seats' | 'team';
  referenceVsRandom: PairingResult;
  candidates: CandidateStrength[];
}

export interface StrengthData {
  simulations: number;
  gamesPerPair: number;
  control: boolean;
  games: GameStrength[];
  skipped: FoundCandidates['missing'];
}

type AgentMaker = (rng: Rng) => Agent;

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Plays `games` games of A against B (seat rotation, or team comparison for cooperative games) and summarises them from A's side. */
async function playPairing(
  definition: GameDefinition, kind: PairingKind, names: [string, string], a: AgentMaker, b: AgentMaker,
  games: number, seed: number, tick: () => void, planner: PlannerTally | null,
): Promise<PairingResult> {
  const start = performance.now();
  let wins = 0;
  let losses = 0;
  let draws = 0;
  let mean: [number, number];
  let ci: [number, number];
  if (definition.info.utility === 'identical') {
    // Every player gets the same reward: compare a table of A's with a table of B's on the same seeds.
    const team = (make: AgentMaker, returns: number[]) => playMatch(definition, (_, rng) => make(rng), {
      games, seed, onGameEnd: (_, trajectory) => { returns.push(trajectory.returns[0]); tick(); },
    });
    const ra: number[] = [];
    const rb: number[] = [];
    const [ma, mb] = [(await team(a, ra)).results, (await team(b, rb)).results];
    ra.forEach((r, i) => { if (r > rb[i]) wins++; else if (r < rb[i]) losses++; else draws++; });
    mean = [ma.meanReturns[0], mb.meanReturns[0]];
    ci = [ma.ci95[0], mb.ci95[0]];
  } else {
    const { results } = await playMatch(definition, (index, rng) => (index === 0 ? a(rng) : b(rng)), {
      games, seed, rotateSeats: true, onGameEnd: () => tick(),
    });
    wins = results.wins[0];
    draws = results.draws;
    losses = games - wins - draws;
    mean = [results.meanReturns[0], results.meanReturns[1]];
    ci = [results.ci95[0], results.ci95[1]];
  }
  return {
    kind, agents: names, games, seed, wins, losses, draws, winRate: round((wins + draws / 2) / games),
    meanReturn: round(mean[0]), ci95: round(ci[0]), opponentMeanReturn: round(mean[1]), opponentCi95: round(ci[1]),
    planner: planner ? { ...planner } : null, seconds: Math.round((performance.now() - start) / 10) / 100,
  };
}

export async function runStrength(settings: StrengthSettings): Promise<BenchReport<StrengthData>> {
  const createdAt = new Date().toISOString();
  const n = settings.gamesPerPair;
  const byGame = new Map<string, CandidateSource[]>();
  for (const candidate of settings.candidates) byGame.set(candidate.game, [...(byGame.get(candidate.game) ?? []), candidate]);
  const games = settings.games.filter((game) => byGame.has(game.info.id));
  const skipped = [...(settings.missing ?? [])];
  for (const game of settings.games) {
    if (!byGame.has(game.info.id) && !skipped.some((s) => s.game === game.info.id)) skipped.push({ game: game.info.id, reason: 'no candidate' });
  }
  const sides = (game: GameDefinition) => (game.info.utility === 'identical' ? 2 : 1);
  const total = games.reduce((sum, game) => sum + sides(game) * n * (1 + 2 * byGame.get(game.info.id)!.length), 0);
  const progress = settings.progress?.(total) ?? { tick() {}, stop() {} };
  const tick = () => progress.tick();

  const results: GameStrength[] = [];
  try {
    for (const game of games) {
      const info = game.info;
      const search = info.information === 'perfect' ? 'mcts' : 'ismcts';
      const options = searchOptionsFor(info, settings.simulations);
      const native = new NativeSearch(game.cwm);
      const reference: AgentMaker = (rng) => (search === 'mcts' ? new MctsAgent(native, options, rng) : new IsmctsAgent(native, options, rng));
      const random: AgentMaker = (rng) => new RandomAgent(rng);
      // Seeds by the game's place in the registry, so selecting other games changes nothing here; both
      // "vs random" pairings share one seed, so candidate and reference meet the same random games.
      const index = GAMES.findIndex((g) => g.info.id === info.id);
      const vsReferenceSeed = deriveSeed(settings.seed, index, 0);
      const vsRandomSeed = deriveSeed(settings.seed, index, 1);
      const referenceName = `${search}:${settings.simulations} over reference`;
      const candidateName = `${search}:${settings.simulations} over candidate`;
      const referenceVsRandom = await playPairing(game, 'reference-vs-random', [referenceName, 'random'], reference, random, n, vsRandomSeed, tick, null);

      const candidates: CandidateStrength[] = [];
      for (const source of byGame.get(info.id)!) {
        let model: CandidateModel;
        try {
          model = await loadCandidateModel(source.file, settings.limits);
        } catch (error) {
          candidates.push({ label: source.label, file: source.shown, loadError: errorText(error), disabled: null, vsReference: null, vsRandom: null });
          for (let i = 0; i < 2 * n * sides(game); i++) tick();
          continue;
        }
        try {
          const health: CandidateHealth = { disabled: null };
          const planner = (tally: PlannerTally): AgentMaker => (rng) => new CandidatePlanner(model, search, options, rng, tally, health);
          const againstReference = emptyTally();
          const vsReference = await playPairing(game, 'candidate-vs-reference', [candidateName, referenceName], planner(againstReference), reference, n, vsReferenceSeed, tick, againstReference);
          const againstRandom = emptyTally();
          const vsRandom = await playPairing(game, 'candidate-vs-random', [candidateName, 'random'], planner(againstRandom), random, n, vsRandomSeed, tick, againstRandom);
          candidates.push({ label: source.label, file: source.shown, loadError: null, disabled: health.disabled, vsReference, vsRandom });
        } finally {
          model.dispose();
        }
      }
      results.push({ game: info.id, title: info.title, search, mode: info.utility === 'identical' ? 'team' : 'seats', referenceVsRandom, candidates });
    }
  } finally {
    progress.stop();
  }

  const data: StrengthData = { simulations: settings.simulations, gamesPerPair: n, control: settings.control, games: results, skipped };
  return {
    suite: 'strength',
    title: `Playing strength of MCTS over candidate CWMs (${settings.simulations} simulations per move, ${n} games per pairing)`,
    createdAt,
    machine: describeMachine(),
    seed: settings.seed,
    settings: {
      games: settings.games.map((g) => g.info.id), candidates: settings.control ? 'control' : settings.candidates.map((c) => c.shown),
      gamesPerPair: n, simulations: settings.simulations, timeoutMs: settings.limits.timeoutMs, memoryMb: settings.limits.memoryMb,
    },
    data,
    tables: strengthTables(data),
    charts: results.length === 0 ? [] : [{ id: 'win-rates', title: 'Win rates', svg: winRateChart(data) }],
    notes: strengthNotes(data),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const categoryOf = (game: GameStrength, candidate: CandidateStrength) =>
  (game.candidates.length > 1 || candidate.label !== CONTROL_LABEL ? `${game.game} · ${candidate.label}` : game.game);

function fallbackCell(pairings: Array<PairingResult | null>): Cell {
  const tallies = pairings.map((p) => p?.planner).filter((t): t is PlannerTally => !!t);
  if (tallies.length === 0) return null;
  const sum = (key: 'decisions' | 'illegal' | 'errors') => tallies.reduce((s, t) => s + t[key], 0);
  return `${sum('illegal')} + ${sum('errors')} / ${sum('decisions')}`;
}

function strengthTables(data: StrengthData): BenchTable[] {
  const summary: Cell[][] = [];
  const pairings: Cell[][] = [];
  const pairingRow = (game: string, candidate: string, p: PairingResult): Cell[] => [
    game, candidate, p.kind, p.games, `${p.wins}-${p.draws}-${p.losses}`, p.winRate,
    `${p.meanReturn.toFixed(3)} ± ${p.ci95.toFixed(3)}`, p.planner?.illegal ?? null, p.planner?.errors ?? null, p.planner?.decisions ?? null, p.seconds,
  ];
  for (const game of data.games) {
    pairings.push(pairingRow(game.game, '', game.referenceVsRandom));
    for (const candidate of game.candidates) {
      summary.push([
        game.game, candidate.label,
        candidate.vsReference ? percent(candidate.vsReference.winRate) : candidate.loadError ? 'does not load' : null,
        candidate.vsRandom ? percent(candidate.vsRandom.winRate) : null,
        percent(game.referenceVsRandom.winRate),
        fallbackCell([candidate.vsReference, candidate.vsRandom]),
      ]);
      for (const p of [candidate.vsReference, candidate.vsRandom]) if (p) pairings.push(pairingRow(game.game, candidate.label, p));
    }
  }
  return [
    {
      id: 'win-rates', title: 'Win rates (wins + draws/2 over games, seats rotating)',
      columns: ['game', 'candidate', 'candidate vs reference', 'candidate vs random', 'reference vs random', 'illegal + errors / moves'],
      rows: summary,
    },
    {
      id: 'pairings', title: 'Every pairing, from the first agent\'s side',
      columns: ['game', 'candidate', 'pairing', 'games', 'W-D-L', 'win rate', 'mean return ± 95% CI', 'illegal', 'errors', 'moves', 's'],
      rows: pairings,
    },
  ];
}

function winRateChart(data: StrengthData): string {
  const rows = data.games.flatMap((game) => game.candidates.map((candidate) => ({ game, candidate })));
  return barChart({
    title: `Win rates, ${data.simulations} simulations per move`,
    categories: rows.map(({ game, candidate }) => categoryOf(game, candidate)),
    series: [
      { name: 'candidate vs reference', values: rows.map(({ candidate }) => candidate.vsReference?.winRate ?? null) },
      { name: 'candidate vs random', values: rows.map(({ candidate }) => candidate.vsRandom?.winRate ?? null) },
      { name: 'reference vs random', values: rows.map(({ game }) => game.referenceVsRandom.winRate) },
    ],
    unit: 'win rate (wins + draws/2)',
  });
}

function strengthNotes(data: StrengthData): string[] {
  const notes = [
    `Every game is played by the reference rules, natively; only the candidate agent plans over the candidate (MCTS for perfect information, ISMCTS for imperfect), ${data.simulations} simulations per move. It mirrors the true game in the candidate by replaying the true actions, chance included.`,
    'Win rate = (wins + draws/2) / games, seats rotating every game. "Candidate vs random" and "reference vs random" are played on the same seeds, so they differ only by the planner\'s model.',
    'illegal: the candidate\'s search chose an action the true game does not allow; errors: the candidate threw, lost track of the true game (ended early, another player to move, no legal actions) or was disabled after a time or memory limit. Both fall back to a uniformly random legal action.',
  ];
  if (data.control) {
    notes.push('Control run (no --candidates): each game\'s candidate is its own reference module loaded into the sandbox. Candidate vs reference must come out even (about 50%, within sampling noise) and candidate vs random must equal reference vs random: it shows the harness is fair.');
  }
  if (data.games.some((g) => g.mode === 'team')) {
    notes.push('Cooperative games (every player gets the same reward): each side plays all seats on the same seeds, and a game is won by the side with the higher return.');
  }
  for (const game of data.games) {
    for (const candidate of game.candidates) {
      const where = `${game.game} (${candidate.label}, ${candidate.file})`;
      if (candidate.loadError) notes.push(`${where} was not played: ${candidate.loadError}`);
      if (candidate.disabled) notes.push(`${where} was disabled: ${candidate.disabled}`);
      const first = candidate.vsReference?.planner?.firstError ?? candidate.vsRandom?.planner?.firstError;
      if (first && !candidate.disabled) notes.push(`${where} fell back to random moves; the first reason: ${first}`);
    }
  }
  for (const skip of data.skipped) notes.push(`${skip.game} skipped: ${skip.reason}.`);
  return notes;
}
