// Hostile candidates against the verifier and its sandbox. Every file under
// test/fixtures/hostile/<name>.cwm.ts is the reference tic_tac_toe or
// kuhn_poker module with one hostile change (an endless loop, a memory bomb,
// a sandbox escape, a forged verdict, non-JSON data, ...), read here as TEXT
// and verified in ONE Verifier in this process. Each must get a failing
// verdict (`ok === false`) from the tier and check that should catch it,
// with a message a model can act on, within the limits; the host must
// survive, and the next candidate (the reference) must verify normally.
//
// Constructs the static scan forbids are rejected before anything runs (a
// correct verdict). Where a construct can be hidden from the scan (computed
// keys such as x['const' + 'ructor'], plain global assignments), the fixture
// does so, and the test asserts the scan passed and the SANDBOX caught it.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGame } from '../src/games/index.js';
import type { CheckResult } from '../src/verifier/check-result.js';
import type { TierName } from '../src/verifier/scores.js';
import { type VerificationReport, Verifier } from '../src/verifier/verify.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = resolve(import.meta.dirname, 'fixtures', 'hostile');
const SUFFIX = '.cwm.ts';
// Time limit with headroom: CI shares two cores between test workers and sandbox processes.
const LIMITS = { memoryMb: 64, timeoutMs: 1500, maxResultChars: 1_000_000 };
const BUDGETS = { playouts: 30, histories: 30, trajectories: 30 };
/** A verify call that has not resolved after this long counts as a hang. */
const DEADLINE_MS = 20_000;
/** The file the host-reaching fixtures try to write. */
const PWNED = '/tmp/gamecwm-hostile-pwned';

type GameId = 'tic_tac_toe' | 'kuhn_poker';

interface Hostile {
  /** File name under test/fixtures/hostile/, without the .cwm.ts suffix. */
  file: string;
  game: GameId;
  /** The tier that must fail. */
  tier: TierName;
  /** A failing check of that tier whose name matches this. */
  check: string | RegExp;
  /** Its message must match this. */
  message: RegExp;
  /** The failing check must name the action sequence that reproduces it. */
  actions?: boolean;
  /**
   * Caught at run time: the static scan must have found nothing forbidden
   * (it was evaded, or the problem is not a forbidden construct).
   */
  runtime?: boolean;
  /** Also verified with no reference (the usual case for a new game): one of these tiers must fail. */
  withoutReference?: TierName[];
  /** Run in a child process: why (the fixture is known to kill the verifying process). */
}

const timeLimit = (during: string) => new RegExp(`exceeded the ${LIMITS.timeoutMs} ms time limit while ${during}`);
const memoryLimit = new RegExp(`exceeded the ${LIMITS.memoryMb} MB memory limit`);
const FUNCTION_CONSTRUCTOR = /EvalError: the Function constructor is not available in a GameCWM/;

const HOSTILE: Hostile[] = [
  // Endless loops in every contract function, in resampleHistory and at the top level.
  { file: 'loop-get-initial-state', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-apply-action', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-get-current-player', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-get-player-name', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-get-rewards', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-get-legal-actions', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-get-observations', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },
  { file: 'loop-resample-history', game: 'kuhn_poker', tier: 'information', check: 'runs-within-limits', message: timeLimit('running the information checks'), runtime: true },
  { file: 'loop-top-level', game: 'tic_tac_toe', tier: 'dynamics', check: 'loads', message: timeLimit('loading the module'), runtime: true },
  { file: 'loop-regex-backtracking', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: timeLimit('running the dynamics checks'), runtime: true },

  // Resources: memory, stack, huge strings, huge results.
  { file: 'memory-bomb', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: memoryLimit, runtime: true },
  { file: 'deep-recursion', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: /applyAction\(state, "[^"]+"\) threw RangeError: Maximum call stack size exceeded/, runtime: true },
  { file: 'deep-nesting-state', game: 'tic_tac_toe', tier: 'dynamics', check: /^(runs-within-limits|no-crash|state-is-json)$/, message: /time limit|Maximum call stack|too deep|nest/, runtime: true },
  // Refused by the harness's size budget before anything is serialised.
  { file: 'huge-string-legal-actions', game: 'tic_tac_toe', tier: 'dynamics', check: 'legal-actions-valid', message: /larger than 1000000 characters/, runtime: true },
  {
    file: 'huge-string-state', game: 'tic_tac_toe', tier: 'dynamics', check: /^(runs-within-limits|state-is-json)$/,
    message: /memory limit|too large|characters/, runtime: true,
  },
  // V8 ends the whole process on this out-of-memory path; the sandbox's child process dies, not the host.
  { file: 'isolate-fatal-oom', game: 'tic_tac_toe', tier: 'dynamics', check: 'runs-within-limits', message: /exhausted memory|memory limit|sandbox process/, runtime: true },
  { file: 'huge-result', game: 'tic_tac_toe', tier: 'dynamics', check: 'legal-actions-valid', message: /larger than 1000000 characters/, runtime: true },

  // Throwing things that are not Errors, or that throw again when described.
  { file: 'throw-number', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: /applyAction\(state, "[^"]+"\) threw a non-Error value 42/, runtime: true },
  { file: 'throw-object-throwing-tostring', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: /applyAction\(state, "[^"]+"\) threw a non-Error value/, runtime: true },
  { file: 'throw-object-throwing-getter', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: /applyAction\(state, "[^"]+"\) threw a value that cannot be described/, runtime: true },
  { file: 'throw-typeerror-throwing-message', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: /applyAction\(state, "[^"]+"\) threw a value that cannot be described/, runtime: true },

  // Escapes: the Function constructor (static and through computed keys), Proxy and Reflect.
  { file: 'constructor-escape-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /\.constructor is not allowed/ },
  { file: 'constructor-escape-computed', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: new RegExp(`getInitialState\\(\\) threw ${FUNCTION_CONSTRUCTOR.source}`), runtime: true },
  { file: 'array-constructor-chain', game: 'tic_tac_toe', tier: 'dynamics', check: 'loads', message: /failed while loading the module: .*the Function constructor is not available/, runtime: true },
  { file: 'async-function-constructor-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /\.constructor is not allowed.*async functions are not allowed|async functions are not allowed.*\.constructor is not allowed/ },
  { file: 'proxy-reflect-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /Proxy is not allowed.*Reflect is not allowed/ },
  { file: 'accessor-trap-legal-actions', game: 'tic_tac_toe', tier: 'dynamics', check: /^(no-crash|legal-actions-valid)$/, message: /is not an action|accessor|getter/, runtime: true },

  // Pollution of shared built-ins and forged verdicts.
  // A candidate's own realm is as unfrozen as in play: polluting it changes only its own values, which
  // the checks copy; the game's own bug (every win scored for "x") still fails it.
  { file: 'object-prototype-pollution', game: 'tic_tac_toe', tier: 'differential', check: 'same-rewards', message: /the rewards are \[1,-1\]; the rules give \[-1,1\]/, actions: true, runtime: true },
  { file: 'array-includes-override', game: 'tic_tac_toe', tier: 'differential', check: 'same-terminal', message: /the game should be over here/, runtime: true },
  { file: 'json-stringify-override', game: 'tic_tac_toe', tier: 'dynamics', check: 'loads', message: /failed while loading the module: .*Cannot assign to read only property 'stringify'/, runtime: true },
  { file: 'map-iterator-hijack', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-mutation', message: /applyAction\(state, "[^"]+"\) tried to modify its input/, runtime: true },
  { file: 'instance-method-override', game: 'tic_tac_toe', tier: 'differential', check: 'same-rewards', message: /the rewards are \[(1,-1|-1,1)\]; the rules give \[(-1,1|1,-1)\]/, actions: true, runtime: true },
  {
    file: 'observation-tojson', game: 'kuhn_poker', tier: 'consistency', check: 'observations-well-formed', message: /toJSON/,
    actions: true, runtime: true, withoutReference: ['consistency', 'information'],
  },

  // Non-determinism and mutated inputs.
  { file: 'math-random-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /Math\.random is not allowed/ },
  { file: 'math-random-computed', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: /getLegalActions\(state\) threw EvalError: Math\.random is not available in a GameCWM/, runtime: true },
  { file: 'date-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /Date is not allowed/ },
  { file: 'date-intl-clock', game: 'tic_tac_toe', tier: 'dynamics', check: /./, message: /determinis|different|Intl|DateTimeFormat|not available|clock/i, runtime: true },
  { file: 'mutate-input-state', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-mutation', message: /applyAction\(state, "[^"]+"\) tried to modify its input/, runtime: true },
  {
    file: 'mutate-history', game: 'kuhn_poker', tier: 'information', check: 'resample-runs', message: /resampleHistory\(history, \d\) tried to modify its input/,
    actions: true, runtime: true, withoutReference: ['information'],
  },

  // States that are not plain JSON data.
  { file: 'state-map', game: 'tic_tac_toe', tier: 'dynamics', check: 'state-is-json', message: /state\.moves is a Map instance, not a plain object/, actions: true, runtime: true },
  { file: 'state-class-instance', game: 'tic_tac_toe', tier: 'dynamics', check: 'state-is-json', message: /state is a Board instance, not a plain object/, runtime: true },
  { file: 'state-function', game: 'tic_tac_toe', tier: 'dynamics', check: 'state-is-json', message: /state\.describe is function/, runtime: true },
  { file: 'state-cycle', game: 'tic_tac_toe', tier: 'dynamics', check: 'state-is-json', message: /state\.self refers back to an enclosing value \(a cycle\)/, runtime: true },
  { file: 'state-nan', game: 'tic_tac_toe', tier: 'dynamics', check: 'state-is-json', message: /state\.score is NaN, not a finite number/, runtime: true },
  { file: 'state-accessor', game: 'tic_tac_toe', tier: 'dynamics', check: /^(state-is-json|no-crash|deterministic)$/, message: /getter|accessor|cell is already taken|different states/, runtime: true },

  // Asynchronous results and generators.
  { file: 'async-apply-action-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /async functions are not allowed/ },
  { file: 'thenable-runtime', game: 'tic_tac_toe', tier: 'dynamics', check: 'state-is-json', message: /state\.then is function/, runtime: true },
  { file: 'generator-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /generator functions are not allowed/ },
  { file: 'iterator-object-runtime', game: 'tic_tac_toe', tier: 'dynamics', check: 'legal-actions-valid', message: /legalActions\.next is function/, runtime: true },

  // Abusing the rules of the contract.
  { file: 'duplicate-legal-actions', game: 'tic_tac_toe', tier: 'dynamics', check: 'legal-actions-valid', message: /getLegalActions lists "[^"]+" twice/, runtime: true },
  { file: 'never-ends', game: 'tic_tac_toe', tier: 'dynamics', check: 'length-bounded', message: /the game is not over after 9 actions; it should end within 9/, actions: true, runtime: true },

  // Reaching the host: static rejections, then the same attempts hidden from the scan.
  { file: 'require-fs-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /require is not allowed/ },
  { file: 'import-fs-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /imports are not allowed \(found an import from "node:fs"\)/ },
  { file: 'dynamic-import-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /dynamic import\(\) is not allowed/ },
  { file: 'process-exit-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /process is not allowed/ },
  { file: 'harness-overwrite-static', game: 'tic_tac_toe', tier: 'static', check: 'no-forbidden-constructs', message: /globalThis is not allowed/ },
  { file: 'host-process-exit-runtime', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: new RegExp(`getInitialState\\(\\) threw ${FUNCTION_CONSTRUCTOR.source}`), runtime: true },
  { file: 'host-require-runtime', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: new RegExp(`getInitialState\\(\\) threw ${FUNCTION_CONSTRUCTOR.source}`), runtime: true },
  { file: 'host-dynamic-import-runtime', game: 'tic_tac_toe', tier: 'dynamics', check: 'no-crash', message: new RegExp(`getInitialState\\(\\) threw ${FUNCTION_CONSTRUCTOR.source}`), runtime: true },
  { file: 'harness-overwrite-runtime', game: 'tic_tac_toe', tier: 'differential', check: 'same-rewards', message: /the rewards are \[1,-1\]; the rules give \[-1,1\]|the rewards are \[-1,1\]; the rules give \[1,-1\]/, actions: true, runtime: true },
  { file: 'candidate-global-swap', game: 'tic_tac_toe', tier: 'scenarios', check: /^scenario: /, message: /the rewards should be|the winner should be|should (not )?be over|threw/, actions: true, runtime: true },
];

const STATIC_NOT_RUN = /not run: the static tier found problems/;
const REFERENCE_TIC_TAC_TOE = readFileSync(resolve(ROOT, 'src', 'games', 'tic_tac_toe', 'game.ts'), 'utf8');

function source(file: string): string {
  return readFileSync(resolve(DIR, file + SUFFIX), 'utf8');
}

function target(game: GameId, withReference = true) {
  return withReference ? { info: getGame(game).info, referenceId: game } : { info: getGame(game).info };
}

function failing(report: VerificationReport, tier: TierName): CheckResult[] {
  return report.tiers[tier].checks.filter((c) => !c.passed);
}

function summary(report: VerificationReport): string {
  return JSON.stringify(Object.fromEntries(Object.entries(report.tiers)
    .map(([name, t]) => [name, t.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message?.slice(0, 160)}`)])
    .filter(([, checks]) => checks.length > 0)));
}

/** Resolves with the report, or rejects if the verify call hangs. */
async function verifyWithin(run: () => Promise<VerificationReport>, what: string): Promise<{ report: VerificationReport; ms: number }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: verify did not resolve within ${DEADLINE_MS} ms`)), DEADLINE_MS);
  });
  try {
    const report = await Promise.race([run(), hang]);
    return { report, ms: performance.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

let verifier: Verifier;
/** Verdicts of every hostile run, for the suite-wide assertions at the end. */
const verdicts = new Map<string, { ok: boolean | null; ms: number }>();

beforeAll(() => {
  rmSync(PWNED, { force: true });
  verifier = new Verifier({ limits: LIMITS, ...BUDGETS });
});
afterAll(() => verifier.dispose());

describe('hostile fixtures', () => {
  it('has an expectation for every fixture file, and at least 25 of them', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).sort();
    expect(files).toEqual(HOSTILE.map((h) => h.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(HOSTILE.map((h) => [h.file, h] as const))('%s', (file, hostile) => {
    it(`gets a failing verdict from ${hostile.tier} (${String(hostile.check)}), and the host verifies the next candidate normally`, async () => {
      let report: VerificationReport;
      {
        const run = await verifyWithin(() => verifier.verify(source(file), target(hostile.game), file + SUFFIX), file);
        report = run.report;
        verdicts.set(file, { ok: report.ok, ms: run.ms });
      }

      expect(report.ok, summary(report)).toBe(false);
      const candidates = failing(report, hostile.tier).filter((c) => (typeof hostile.check === 'string' ? c.name === hostile.check : hostile.check.test(c.name)));
      expect(candidates.length, `no failing ${hostile.tier} check matching ${String(hostile.check)}: ${summary(report)}`).toBeGreaterThan(0);
      const matched = candidates.find((c) => hostile.message.test(c.message ?? ''));
      expect(matched, `no ${hostile.tier} check with a message matching ${hostile.message}: ${summary(report)}`).toBeDefined();
      if (hostile.actions) expect(Array.isArray(matched!.actions), `the failing check names no actions: ${JSON.stringify(matched)}`).toBe(true);

      const forbidden = report.tiers.static.checks.find((c) => c.name === 'no-forbidden-constructs')!;
      if (hostile.tier === 'static' && !hostile.runtime) {
        // Rejected before running: no dynamic tier ran.
        for (const tier of ['dynamics', 'consistency', 'scenarios', 'differential'] as const) {
          expect(report.tiers[tier].checks).toEqual([{ name: 'runs', passed: false, message: expect.stringMatching(STATIC_NOT_RUN) }]);
        }
      } else if (hostile.runtime) {
        // The static scan saw nothing forbidden: the sandbox had to hold.
        expect(forbidden, `the static scan was expected to pass: ${forbidden.message}`).toMatchObject({ passed: true });
      }

      const next = await verifyWithin(() => verifier.verify(REFERENCE_TIC_TAC_TOE, target('tic_tac_toe')), 'reference after ' + file);
      expect(next.report.ok, summary(next.report)).toBe(true);
    });

    if (hostile.withoutReference) {
      it(`also fails without a reference (${hostile.withoutReference.join(' or ')})`, async () => {
        const { report } = await verifyWithin(() => verifier.verify(source(file), target(hostile.game, false), file + SUFFIX), file);
        verdicts.set(`${file} (no reference)`, { ok: report.ok, ms: 0 });
        expect(report.ok, summary(report)).toBe(false);
        expect(hostile.withoutReference!.some((tier) => failing(report, tier).length > 0), summary(report)).toBe(true);
      });
    }
  });
});

describe('after every hostile fixture', () => {
  it('each verify call resolved, and no fixture was given ok === true', () => {
    const expected = HOSTILE.length + HOSTILE.filter((h) => h.withoutReference).length;
    expect(verdicts.size).toBe(expected);
    const passed = [...verdicts].filter(([, v]) => v.ok !== false).map(([file, v]) => `${file}: ok=${v.ok}`);
    expect(passed).toEqual([]);
  });

  it('each in-process verdict came within the limits (a few time limits per candidate, never a hang)', () => {
    // At most one timed-out call per applicable tier, plus static checking and loading.
    const bound = 6 * LIMITS.timeoutMs + 5_000;
    const slow = [...verdicts].filter(([, v]) => v.ms > bound).map(([file, v]) => `${file}: ${Math.round(v.ms)} ms`);
    expect(slow).toEqual([]);
  });

  it('no fixture reached the host file system', () => {
    expect(existsSync(PWNED)).toBe(false);
  });

  it('the references still verify ok in the same Verifier', async () => {
    for (const game of ['tic_tac_toe', 'kuhn_poker'] as const) {
      const report = await verifier.verify(readFileSync(resolve(ROOT, 'src', 'games', game, 'game.ts'), 'utf8'), target(game));
      expect(report.ok, summary(report)).toBe(true);
      expect(report.scores).toEqual({ eval: 1, reward: 1, transitionAccuracy: 1 });
    }
  });
});
