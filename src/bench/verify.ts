// `bench verify`: what verification costs for a TypeScript candidate (static
// tier in one warm ts-morph Project, the other tiers in the sandbox) and for
// the same game as a paper-format Python CWM (the runner), with the same
// tiers, playouts, histories and trajectories. The candidates are the
// built-in modules and their back-translations, which pass every tier, so
// every check runs. Latency: warm medians per game, the two languages taking
// turns. Throughput: one mixed batch on every core, per language.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { failingChecks } from '../codegen/feedback.js';
import { PythonTranslator } from '../codegen/python/translate.js';
import type { GameDefinition } from '../engine/game-definition.js';
import { DEFAULT_LIMITS } from '../engine/sandbox/sandbox.js';
import { gameModulePath } from '../games/files.js';
import { verifyPython } from '../verifier/verify-python.js';
import { type VerificationReport, type VerifyTarget, Verifier } from '../verifier/verify.js';
import { barChart } from './charts.js';
import { describeMachine } from './machine.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

export interface VerifyBenchSettings {
  games: GameDefinition[];
  seed: number;
  runs: number;
  /** Playouts, histories and differential trajectories per candidate. */
  playouts: number;
  /** Copies of each game's candidate in the throughput batch. */
  batchCopies: number;
  python: boolean;
  timeoutMs: number;
  onStep?: () => void;
}

/** Unmeasured runs first: the type-checker and the isolate's compiled code warm up per game. */
const WARMUP_RUNS = 2;

export const QUICK_VERIFY = { runs: 3, batchCopies: 2, games: 8 };
export const FULL_VERIFY = { runs: 7, batchCopies: 4 };

export interface GameVerifyCost {
  game: string;
  typescript: { fullReportMs: number; typeCheckMs: number; sandboxMs: number; ok: boolean; firstFailure?: string };
  python: { fullReportMs: number; ok: boolean; firstFailure?: string } | null;
  pythonOverTypescript: number | null;
}

export interface Throughput {
  candidates: number;
  concurrency: number;
  typescriptPerSecond: number;
  pythonPerSecond: number | null;
}

export interface VerifyBenchData {
  games: GameVerifyCost[];
  throughput: Throughput;
}

interface Subject {
  game: GameDefinition;
  source: string;
  pythonPath: string | null;
  target: VerifyTarget;
}

export async function runVerifyBench(settings: VerifyBenchSettings): Promise<BenchReport<VerifyBenchData>> {
  const createdAt = new Date().toISOString();
  const concurrency = Math.max(1, cpus().length);
  const options = { playouts: settings.playouts, histories: settings.playouts, trajectories: settings.playouts, seed: settings.seed, limits: { ...DEFAULT_LIMITS, timeoutMs: settings.timeoutMs } };
  const verifier = new Verifier({ ...options, concurrency });
  const dir = mkdtempSync(join(tmpdir(), 'gamecwm-bench-verify-'));
  try {
    const translator = settings.python ? new PythonTranslator() : null;
    const subjects: Subject[] = settings.games.map((game) => {
      const source = readFileSync(gameModulePath(game.info.id), 'utf8');
      let pythonPath: string | null = null;
      if (translator) {
        pythonPath = join(dir, `${game.info.id}.py`);
        writeFileSync(pythonPath, translator.translate(source).python);
      }
      return { game, source, pythonPath, target: { info: game.info, referenceId: game.info.id } };
    });
    const verifyTs = (s: Subject) => verifier.verify(s.source, s.target, `${s.game.info.id}.ts`);
    const verifyPy = (s: Subject) => verifyPython(s.pythonPath!, s.target, verifier.options, `${s.game.info.id}.py`);

    const games: GameVerifyCost[] = [];
    for (const subject of subjects) {
      const ts = { total: [] as number[], check: [] as number[], sandbox: [] as number[], report: null as VerificationReport | null };
      const py = { total: [] as number[], report: null as VerificationReport | null };
      for (let run = -WARMUP_RUNS; run < settings.runs; run++) {
        const t = await timed(() => verifyTs(subject));
        if (run >= 0) {
          ts.total.push(t.ms);
          ts.check.push(t.result.timings.staticMs);
          ts.sandbox.push(t.result.timings.sandboxMs);
        }
        ts.report = t.result;
        if (subject.pythonPath) {
          const p = await timed(() => verifyPy(subject));
          if (run >= 0) py.total.push(p.ms);
          py.report = p.result;
        }
      }
      const tsMs = round(median(ts.total));
      const pyMs = subject.pythonPath ? round(median(py.total)) : null;
      games.push({
        game: subject.game.info.id,
        typescript: { fullReportMs: tsMs, typeCheckMs: round(median(ts.check)), sandboxMs: round(median(ts.sandbox)), ...verdict(ts.report!) },
        python: pyMs === null ? null : { fullReportMs: pyMs, ...verdict(py.report!) },
        pythonOverTypescript: pyMs === null ? null : Math.round((pyMs / tsMs) * 10) / 10,
      });
      settings.onStep?.();
    }

    const batch = subjects.flatMap((s) => Array.from({ length: settings.batchCopies }, () => s));
    const typescriptPerSecond = await throughput(batch, concurrency, verifyTs);
    const pythonPerSecond = settings.python ? await throughput(batch, concurrency, verifyPy) : null;
    settings.onStep?.();
    return buildReport({ games, throughput: { candidates: batch.length, concurrency, typescriptPerSecond, pythonPerSecond } }, settings, createdAt);
  } finally {
    verifier.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(work: () => Promise<VerificationReport>): Promise<{ ms: number; result: VerificationReport }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

function verdict(report: VerificationReport): { ok: boolean; firstFailure?: string } {
  if (report.ok) return { ok: true };
  const first = failingChecks(report)[0];
  return { ok: false, firstFailure: first ? `${first.tier}/${first.name}: ${first.message ?? ''}`.slice(0, 200) : 'failed' };
}

/** Candidates per second for the whole batch with `concurrency` candidates in flight. */
async function throughput(batch: Subject[], concurrency: number, verify: (s: Subject) => Promise<VerificationReport>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < batch.length) await verify(batch[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return round(batch.length / ((performance.now() - start) / 1000));
}

const round = (x: number) => Math.round(x * 10) / 10;

function buildReport(data: VerifyBenchData, settings: VerifyBenchSettings, createdAt: string): BenchReport<VerifyBenchData> {
  const { games, throughput: t } = data;
  const failures = games.flatMap((g) => [
    ...(g.typescript.ok ? [] : [`${g.game} (TypeScript) failed verification: ${g.typescript.firstFailure}`]),
    ...(g.python && !g.python.ok ? [`${g.game} (Python) failed verification: ${g.python.firstFailure}`] : []),
  ]);
  return {
    suite: 'verify',
    title: 'Verification: TypeScript candidates in the sandbox vs Python CWMs in the runner',
    createdAt, machine: describeMachine(), seed: settings.seed,
    settings: { games: settings.games.map((g) => g.info.id), runs: settings.runs, playouts: settings.playouts, batchCopies: settings.batchCopies, timeoutMs: settings.timeoutMs },
    data,
    tables: [
      {
        id: 'latency', title: `Full report, every tier, ${settings.playouts} playouts / histories / trajectories: warm medians of ${settings.runs} runs (ms)`,
        columns: ['game', 'TS full report ms', 'TS type-check ms', 'TS sandbox tiers ms', 'Python full report ms', 'Python / TS', 'pass (TS, Python)'],
        rows: games.map((g) => [
          g.game, g.typescript.fullReportMs, g.typescript.typeCheckMs, g.typescript.sandboxMs, g.python?.fullReportMs ?? null,
          g.pythonOverTypescript === null ? null : `${g.pythonOverTypescript}x`, `${g.typescript.ok ? 'yes' : 'NO'}, ${g.python ? (g.python.ok ? 'yes' : 'NO') : 'n/a'}`,
        ]),
      },
      {
        id: 'throughput', title: `Throughput: a batch of ${t.candidates} candidates (${settings.batchCopies} per game), ${t.concurrency} in flight`,
        columns: ['language', 'candidates/s'],
        rows: [['TypeScript (sandbox pool)', t.typescriptPerSecond], ['Python (one runner per candidate)', t.pythonPerSecond]],
      },
    ],
    charts: [{
      id: 'latency', title: 'Verification latency per candidate (log scale)',
      svg: barChart({
        title: 'Full verification report per candidate, warm (ms, log scale; lower is better)', categories: games.map((g) => g.game), unit: 'ms', logScale: true,
        series: [{ name: 'TypeScript (sandbox)', values: games.map((g) => g.typescript.fullReportMs) }, ...(settings.python ? [{ name: 'Python (runner)', values: games.map((g) => g.python?.fullReportMs ?? null) }] : [])],
      }),
    }],
    notes: [
      'TypeScript: static tier (type-check, forbidden constructs) and the portability verdict, plus the sandboxed tiers in a warm isolate pool; Python: a fresh hardened runner per candidate (its start-up counts) running the same tiers, the differential tier against trajectories recorded from the TypeScript reference.',
      'Python CWMs have no type-check: their static tier is whether the module loads and defines the contract.',
      ...(settings.python ? [] : ['Python columns left out: no python3 interpreter was found.']),
      ...failures,
    ],
  };
}
