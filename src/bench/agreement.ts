// `bench agreement`: for a folder of paper-format samples (<game>_gen<k>.py,
// one subfolder per model or a single model's folder), each sample's verdict
// by the paper's own evaluator (run from the user's copy of the paper's
// repository, python/paper_evaluator.py) beside ours (the Python verification
// path with every tier): fully correct or not, each of the paper's tiers, the
// eval score and the reward. Agreement per model and game, the eval scores'
// correlation, and every disagreement with our first failing check and the
// actions that reproduce it. Verdicts are cached per sample in the output
// folder, so an interrupted run resumes where it stopped.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { failingChecks } from '../codegen/feedback.js';
import { DEFAULT_LIMITS } from '../engine/sandbox/sandbox.js';
import { GAMES } from '../games/index.js';
import { writeFileAtomic } from '../files.js';
import { paperFailures, runPaperEvaluator } from '../paper/evaluator.js';
import type { PaperLayout } from '../paper/layout.js';
import { verifyPython } from '../verifier/verify-python.js';
import type { VerificationReport, VerifyOptions } from '../verifier/verify.js';
import { DEFAULT_VERIFY_OPTIONS } from '../verifier/verify.js';
import { barChart, heatMap } from './charts.js';
import { describeMachine } from './machine.js';
import type { BenchReport, Cell } from './report.js';

/** The paper's four tiers: the columns where the two verdicts are compared one to one. */
export const PAPER_TIERS = ['static', 'dynamics', 'information', 'scenarios'] as const;
export type PaperTier = (typeof PAPER_TIERS)[number];

export interface Sample {
  model: string;
  game: string;
  /** File name, e.g. y_gen3.py. */
  name: string;
  path: string;
}

export interface PaperVerdict {
  evalScore: number;
  reward: number | null;
  /** Per tier that ran: all its checks passed. */
  tiers: Partial<Record<PaperTier, boolean>>;
  failures: string[];
  error?: string;
}

export interface OurVerdict {
  ok: boolean;
  evalScore: number;
  reward: number;
  transitionAccuracy: number | null;
  tiers: Partial<Record<PaperTier | 'consistency' | 'differential', boolean>>;
  firstFailure: { tier: string; check: string; message: string; actions: string[] } | null;
}

export interface SampleResult extends Sample {
  paper: PaperVerdict;
  ours: OurVerdict;
  /** Fully correct (every tier passed) by both, or by neither. */
  agree: boolean;
  tierAgree: Partial<Record<PaperTier, boolean>>;
}

export interface AgreementSettings {
  layout: PaperLayout & { evaluationDir: string; configDir: string };
  samplesDir: string;
  games?: string[];
  /** Games per tier in the paper's evaluator (its own default is 100) and our playouts/histories/trajectories. */
  numGames: number;
  seed: number;
  timeoutMs: number;
  concurrency: number;
  /** Where verdicts are cached (resume). */
  cacheDir: string;
  onTotal?: (total: number) => void;
  onStep?: () => void;
}

export interface AgreementData {
  samples: SampleResult[];
  overall: { samples: number; agreement: number; tiers: Record<PaperTier, { compared: number; agreement: number }>; evalCorrelation: number | null };
  skipped: string[];
}

const KNOWN_GAMES = GAMES.map((g) => g.info.id).sort((a, b) => b.length - a.length);

/** The game a sample file belongs to: the longest known id followed by _gen<k>.py. */
export function sampleGame(name: string): string | null {
  const match = /^(.*)_gen\d+\.py$/.exec(name);
  if (!match) return null;
  return KNOWN_GAMES.find((id) => id === match[1]) ?? null;
}

/** Samples in DIR: its own .py files (model = the folder's name), or one subfolder per model. */
export function findSamples(dir: string, games?: string[]): { samples: Sample[]; skipped: string[] } {
  const samples: Sample[] = [];
  const skipped: string[] = [];
  const collect = (folder: string, model: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.py')) continue;
      const game = sampleGame(name);
      if (game === null) {
        skipped.push(`${model}/${name}: not named <game>_gen<k>.py after a known game`);
        continue;
      }
      if (games && !games.includes(game)) continue;
      samples.push({ model, game, name, path: join(folder, name) });
    }
  };
  const root = resolve(dir);
  collect(root, basename(root));
  for (const entry of readdirSync(root).sort()) {
    const sub = join(root, entry);
    if (statSync(sub).isDirectory()) collect(sub, entry);
  }
  return { samples, skipped };
}

/** Runs the paper's evaluator on one sample in its own child process. */
export async function paperVerdict(settings: AgreementSettings, sample: Sample): Promise<PaperVerdict> {
  const output = await runPaperEvaluator(settings.layout, {
    game: sample.game, candidate: sample.path, seed: settings.seed, numGames: settings.numGames, timeoutMs: settings.timeoutMs,
  });
  const tiers: Partial<Record<PaperTier, boolean>> = {};
  for (const tier of PAPER_TIERS) {
    const t = output.tiers[tier];
    if (t) tiers[tier] = t.passed === t.total;
  }
  return { evalScore: output.evalScore, reward: output.reward, tiers, failures: paperFailures(output), ...(output.error === undefined ? {} : { error: output.error }) };
}

export function ourVerdictOf(report: VerificationReport): OurVerdict {
  const tiers: OurVerdict['tiers'] = {};
  for (const tier of [...PAPER_TIERS, 'consistency', 'differential'] as const) {
    const t = report.tiers[tier];
    if (t.applicable) tiers[tier] = t.passed === t.total && t.total > 0;
  }
  const first = failingChecks(report)[0];
  return {
    ok: report.ok, evalScore: report.scores.eval, reward: report.scores.reward, transitionAccuracy: report.scores.transitionAccuracy, tiers,
    firstFailure: first ? { tier: first.tier, check: first.name, message: first.message ?? '', actions: first.actions ?? [] } : null,
  };
}

/** A perfect-information game's information tier is not part of the paper's verdict (its evaluator skips it). */
function comparedTiers(game: string): PaperTier[] {
  const info = GAMES.find((g) => g.info.id === game)?.info;
  return PAPER_TIERS.filter((t) => t !== 'information' || info?.information === 'imperfect');
}

export function compare(sample: Sample, paper: PaperVerdict, ours: OurVerdict): SampleResult {
  const tierAgree: SampleResult['tierAgree'] = {};
  for (const tier of comparedTiers(sample.game)) {
    const p = paper.tiers[tier] ?? false;
    const o = ours.tiers[tier] ?? false;
    tierAgree[tier] = p === o;
  }
  const paperCorrect = paper.error === undefined && paper.evalScore === 1;
  return { ...sample, paper, ours, agree: paperCorrect === ours.ok, tierAgree };
}

function cacheKey(settings: AgreementSettings, sample: Sample): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(sample.path));
  hash.update(JSON.stringify({ game: sample.game, n: settings.numGames, seed: settings.seed, evaluator: settings.layout.root }));
  return hash.digest('hex').slice(0, 24);
}

async function judge(settings: AgreementSettings, options: VerifyOptions, sample: Sample): Promise<SampleResult> {
  const cachePath = join(settings.cacheDir, sample.model, `${sample.name}.${cacheKey(settings, sample)}.json`);
  try {
    return JSON.parse(readFileSync(cachePath, 'utf8')) as SampleResult;
  } catch {
    // not judged yet
  }
  const game = GAMES.find((g) => g.info.id === sample.game)!;
  const [paper, report] = await Promise.all([
    paperVerdict(settings, sample),
    verifyPython(sample.path, { info: game.info, referenceId: game.info.id }, options, `${sample.model}/${sample.name}`),
  ]);
  const result = compare(sample, paper, ourVerdictOf(report));
  writeFileAtomic(cachePath, `${JSON.stringify(result)}\n`);
  return result;
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

function summarise(results: SampleResult[]): AgreementData['overall'] {
  const tiers = Object.fromEntries(PAPER_TIERS.map((tier) => {
    const compared = results.filter((r) => r.tierAgree[tier] !== undefined);
    return [tier, { compared: compared.length, agreement: compared.length === 0 ? 0 : compared.filter((r) => r.tierAgree[tier]).length / compared.length }];
  })) as AgreementData['overall']['tiers'];
  return {
    samples: results.length,
    agreement: results.length === 0 ? 0 : results.filter((r) => r.agree).length / results.length,
    tiers,
    evalCorrelation: pearson(results.map((r) => r.paper.evalScore), results.map((r) => r.ours.evalScore)),
  };
}

export async function runAgreementBench(settings: AgreementSettings): Promise<BenchReport<AgreementData>> {
  const createdAt = new Date().toISOString();
  const { samples, skipped } = findSamples(settings.samplesDir, settings.games);
  settings.onTotal?.(samples.length);
  const options: VerifyOptions = {
    ...DEFAULT_VERIFY_OPTIONS, playouts: settings.numGames, histories: settings.numGames, trajectories: settings.numGames, seed: settings.seed,
    limits: { ...DEFAULT_LIMITS, timeoutMs: Math.max(DEFAULT_LIMITS.timeoutMs, Math.ceil(settings.timeoutMs / 30)) },
  };
  const results: SampleResult[] = new Array(samples.length);
  let next = 0;
  const worker = async () => {
    while (next < samples.length) {
      const index = next++;
      results[index] = await judge(settings, options, samples[index]);
      settings.onStep?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, samples.length)) }, worker));
  const data: AgreementData = { samples: results, overall: summarise(results), skipped };
  return {
    suite: 'agreement',
    title: 'Verdicts of the paper\'s evaluator and of gamecwm on the same paper-format samples',
    createdAt, machine: describeMachine(), seed: settings.seed,
    settings: { samples: settings.samplesDir, paperRepo: settings.layout.root, numGames: settings.numGames, timeoutMs: settings.timeoutMs },
    data, tables: tables(data), charts: charts(data), notes: notes(data),
  };
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
const fixed = (x: number | null): Cell => (x === null ? null : Number(x.toFixed(3)));

function groups(results: SampleResult[]): Map<string, SampleResult[]> {
  const byKey = new Map<string, SampleResult[]>();
  for (const r of results) {
    const key = `${r.model}\t${r.game}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return byKey;
}

function tierRate(results: SampleResult[], tier: PaperTier): Cell {
  const compared = results.filter((r) => r.tierAgree[tier] !== undefined);
  return compared.length === 0 ? null : percent(compared.filter((r) => r.tierAgree[tier]).length / compared.length);
}

function tables(data: AgreementData): BenchReport['tables'] {
  const { overall, samples } = data;
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const perGroup = [...groups(samples)].map(([key, rs]) => {
    const [model, game] = key.split('\t');
    return [model, game, rs.length, rs.filter((r) => r.paper.evalScore === 1 && !r.paper.error).length, rs.filter((r) => r.ours.ok).length,
      percent(rs.filter((r) => r.agree).length / rs.length), ...PAPER_TIERS.map((t) => tierRate(rs, t)),
      fixed(mean(rs.map((r) => r.paper.evalScore))), fixed(mean(rs.map((r) => r.ours.evalScore)))];
  });
  const disagreements = samples.filter((r) => !r.agree || Object.values(r.tierAgree).includes(false)).map((r) => [
    `${r.model}/${r.name}`,
    r.paper.error ? `error: ${r.paper.error}` : `${r.paper.evalScore === 1 ? 'correct' : 'wrong'} (${fixed(r.paper.evalScore)})`,
    `${r.ours.ok ? 'correct' : 'wrong'} (${fixed(r.ours.evalScore)})`,
    PAPER_TIERS.filter((t) => r.tierAgree[t] === false).join(', ') || 'none',
    r.ours.firstFailure ? `${r.ours.firstFailure.tier}/${r.ours.firstFailure.check}: ${r.ours.firstFailure.message.slice(0, 160)}` : '',
    r.ours.firstFailure?.actions.length ? JSON.stringify(r.ours.firstFailure.actions).slice(0, 200) : '',
    r.paper.failures[0]?.slice(0, 160) ?? '',
  ]);
  return [
    {
      id: 'overall', title: 'Agreement over all samples',
      columns: ['samples', 'fully correct: agreement', ...PAPER_TIERS.map((t) => `${t}: agreement`), 'eval correlation (Pearson)'],
      rows: [[overall.samples, percent(overall.agreement), ...PAPER_TIERS.map((t) => (overall.tiers[t].compared === 0 ? null : percent(overall.tiers[t].agreement))), fixed(overall.evalCorrelation)]],
    },
    {
      id: 'groups', title: 'Per model and game',
      columns: ['model', 'game', 'samples', 'paper: correct', 'ours: correct', 'agreement', ...PAPER_TIERS, 'paper mean eval', 'our mean eval'],
      rows: perGroup,
    },
    {
      id: 'disagreements', title: 'Disagreements (verdict or a tier)',
      columns: ['sample', 'paper', 'ours', 'tiers that differ', 'our first failing check', 'actions that reproduce it', 'paper\'s first failure'],
      rows: disagreements,
    },
  ];
}

function charts(data: AgreementData): BenchReport['charts'] {
  const keys = [...groups(data.samples).keys()];
  const rows = keys.map((k) => k.replace('\t', ' / '));
  const columns = ['fully correct', ...PAPER_TIERS];
  const values = [...groups(data.samples).values()].map((rs) => [
    rs.filter((r) => r.agree).length / rs.length,
    ...PAPER_TIERS.map((t) => {
      const compared = rs.filter((r) => r.tierAgree[t] !== undefined);
      return compared.length === 0 ? null : compared.filter((r) => r.tierAgree[t]).length / compared.length;
    }),
  ]);
  return [
    { id: 'heatmap', title: 'Agreement with the paper\'s evaluator (model / game x verdict)', svg: heatMap({ title: 'Agreement with the paper\'s evaluator', rows, columns, values, min: 0, max: 1, format: percent }) },
    {
      id: 'tiers', title: 'Agreement per tier',
      svg: barChart({
        title: 'Agreement per tier (all samples)', categories: columns, unit: '%',
        series: [{ name: 'agreement', values: [data.overall.agreement, ...PAPER_TIERS.map((t) => data.overall.tiers[t].agreement)].map((x) => 100 * x) }],
      }),
    },
  ];
}

function notes(data: AgreementData): string[] {
  return [
    'Paper: its own evaluator (run_behavioral_metrics + grpo_reward) from the given copy of its repository, one child process per sample; fully correct = eval score 1.0.',
    'Ours: `gamecwm verify` on the same file (Python runner, every tier); fully correct = ok (every applicable tier, our consistency and differential tiers included).',
    'A tier is compared where both evaluators run it; the information tier only for imperfect-information games (the paper skips it elsewhere).',
    ...data.skipped.map((s) => `skipped ${s}`),
  ];
}
