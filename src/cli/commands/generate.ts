// `gamecwm generate`: a model writes a GameCWM for a game, refined on the
// verifier's feedback until a candidate passes every tier or the budget is
// spent. Replies are cached in the run folder, so an interrupted run resumes
// and a repeated one costs nothing. Exit 0 when a candidate passes, 1 when
// none does, 2 for a usage mistake or an endpoint that cannot be used.

import type { Command } from 'commander';
import type { BlockChoice, CodeLanguage } from '../../codegen/extract.js';
import { replyBudget, type Strategy } from '../../codegen/refine.js';
import type { GenerationInterrupted } from '../../codegen/run.js';
import type { GenerationSummary } from '../../codegen/summary.js';
import { FleetError } from '../../fleet/errors.js';
import { UserError } from '../errors.js';
import { addFleetOptions, candidateVerifier, type FleetCliOptions } from '../fleet-options.js';
import { resolveGenerationTarget } from '../game-target.js';
import { integerOption, parseSeed } from '../options.js';
import { startProgress } from '../progress.js';
import { formatTable } from '../table.js';

/** The model, provider and budget options `generate` and `bench generate` share (addModelOptions). */
export interface ModelCliOptions extends FleetCliOptions {
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  temperature: number;
  maxTokens: number;
  samples: number;
  refine: number;
  strategy: string;
  example: string;
  block: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  concurrency: number;
  playouts: number;
  requirePortable?: boolean;
}

interface GenerateCliOptions extends ModelCliOptions {
  game?: string;
  rules?: string;
  info?: string;
  players?: number;
  information?: string;
  lang: string;
  out: string;
  paperDataset?: string;
  seed: number;
  json?: boolean;
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_OUT_DIR = '.gamecwm-runs';

export function registerGenerateCommand(program: Command): void {
  const command = program
    .command('generate')
    .description('have a model write a GameCWM for a game, refined on verifier feedback (any OpenAI-compatible endpoint)')
    .option('--game <id>', 'a built-in game, or the id of a new game given with --rules')
    .option('--rules <file>', 'the game\'s rules text (default for a built-in game: its rules.md)')
    .option('--info <file.json>', 'a new game\'s facts (JSON): id, players, information, chance, utility, maxGameLength, title, rewardRange, rules, scenarios')
    .option('--players <n>', 'a new game\'s number of players (default 2)', integerOption('--players', 1, 16))
    .option('--information <kind>', 'a new game\'s information: perfect (default) or imperfect')
    .option('--lang <lang>', 'the language the model writes: ts or python (the paper\'s format)', 'ts');
  addModelOptions(command)
    .option('--out <dir>', 'run folder: DIR/<game>/<sample>-<round>.{ts,py}, reports, summary; DIR/.cache for replies', DEFAULT_OUT_DIR)
    .option('--paper-dataset <dir>', 'with --lang python: the folder holding the paper\'s prompts/ templates')
    .option('--seed <n>', 'seed for the tree strategy\'s sampling and for verification', parseSeed, 0)
    .option('--json', 'print the run\'s summary as JSON')
    .action(async (options: GenerateCliOptions) => {
      const settings = await settingsFrom(options);
      const { runGeneration, GenerationInterrupted } = await import('../../codegen/run.js');
      const verifier = await candidateVerifier(options, settings.verify);
      const progress = options.json ? { tick() {}, stop() {} } : startProgress(`generate ${settings.info.id}`, replyBudget(settings.strategy, settings));
      let summary: GenerationSummary;
      try {
        summary = (await runGeneration({ ...settings, verifier, onReply: () => progress.tick() })).summary;
      } catch (error) {
        progress.stop();
        if (error instanceof GenerationInterrupted) {
          const kept = error.summary.candidates;
          const where = `${settings.outDir}/${settings.info.id}`;
          throw await interruptedRunError(error, kept > 0 ? ` (${kept} candidate${kept === 1 ? '' : 's'} so far kept in ${where}; rerun to resume)` : '');
        }
        throw error;
      } finally {
        await verifier.dispose();
      }
      progress.stop();
      if (options.json) process.stdout.write(`${JSON.stringify({ dir: `${settings.outDir}/${settings.info.id}`, ...summary }, null, 2)}\n`);
      else process.stdout.write(`${formatSummary(summary, `${settings.outDir}/${settings.info.id}`)}\n`);
      process.exitCode = summary.passed ? 0 : 1;
    });
}

/** Adds the model, provider, budget and verification options shared by `generate` and `bench generate`. */
export function addModelOptions(command: Command): Command {
  command
    .option('--model <name>', 'the model name the endpoint serves')
    .option('--base-url <url>', `the OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or ${DEFAULT_BASE_URL})`)
    .option('--api-key <key>', 'API key (default: $OPENAI_API_KEY; a local server needs none)')
    .option('--temperature <t>', 'sampling temperature', parseTemperature, 0.7)
    .option('--max-tokens <n>', 'token limit of one reply', integerOption('--max-tokens', 1, 1_000_000), 8192)
    .option('--samples <n>', 'independent first attempts', integerOption('--samples', 1, 1000), 1)
    .option('--refine <n>', 'conversation: refinement rounds per sample; tree: refinement calls in all', integerOption('--refine', 0, 10_000), 3)
    .option('--strategy <name>', 'refinement strategy: conversation or tree', 'conversation')
    .option('--example <game>', 'TypeScript: an example GameCWM in the prompt: none, auto or a built-in game id', 'none')
    .option('--block <choice>', 'which code block of a reply to take: first or largest', 'first')
    .option('--timeout-ms <n>', 'time limit of one model request in ms', integerOption('--timeout-ms', 100, 3_600_000), 300_000)
    .option('--retries <n>', 'retries of a request on 429, 5xx, timeouts and dropped connections', integerOption('--retries', 0, 20), 4)
    .option('--retry-delay-ms <n>', 'first backoff delay in ms (doubles on every retry)', integerOption('--retry-delay-ms', 0, 60_000), 1000)
    .option('--concurrency <n>', 'model requests in flight at once', integerOption('--concurrency', 1, 256), 4)
    .option('--playouts <n>', 'verification playouts per candidate', integerOption('--playouts', 1, 100_000), 100)
    .option('--require-portable', 'TypeScript: a candidate passes only if it also translates to Python (refinement is told where it does not)');
  return addFleetOptions(command);
}

/** Refuses a missing model and unknown strategy or block choice (before anything else is read). */
export function checkModelOptions(options: ModelCliOptions): void {
  if (!options.model) throw new UserError('--model <name> is required: the model the endpoint serves');
  if (options.strategy !== 'conversation' && options.strategy !== 'tree') throw new UserError(`--strategy must be conversation or tree, not "${options.strategy}"`);
  if (options.block !== 'first' && options.block !== 'largest') throw new UserError(`--block must be first or largest, not "${options.block}"`);
}

/** The part of GenerationSettings the shared options decide; the endpoint is resolved and checked here, built on first use. */
export async function modelSettings(options: ModelCliOptions, seed: number) {
  checkModelOptions(options);
  const baseURL = parseBaseUrl(options.baseUrl ?? (process.env.OPENAI_BASE_URL || DEFAULT_BASE_URL));
  const apiKey = options.apiKey ?? (process.env.OPENAI_API_KEY || defaultKey(baseURL));
  const { ChatProvider } = await import('../../codegen/provider.js');
  return {
    model: options.model!, temperature: options.temperature, maxTokens: options.maxTokens,
    samples: options.samples, refine: options.refine, strategy: options.strategy as Strategy, seed,
    example: options.example, blockChoice: options.block as BlockChoice,
    backend: () => new ChatProvider({
      baseURL, apiKey, timeoutMs: options.timeoutMs, retries: options.retries, retryBaseMs: options.retryDelayMs, concurrency: options.concurrency,
    }),
    verify: { playouts: options.playouts, histories: options.playouts, trajectories: options.playouts, seed, requirePortable: options.requirePortable === true },
  };
}

/**
 * The error a CLI ends an interrupted run with: an endpoint or a fleet that cannot be used is the
 * user's to fix (one line, exit 2, `kept` says what was kept); anything else is a bug, rethrown.
 */
export async function interruptedRunError(error: GenerationInterrupted, kept: string): Promise<UserError> {
  const { ProviderError } = await import('../../codegen/provider.js');
  if (!(error.error instanceof ProviderError) && !(error.error instanceof FleetError)) throw error.error;
  return new UserError(`${error.message}${kept}`);
}

async function settingsFrom(options: GenerateCliOptions) {
  if (!options.game && !options.info) throw new UserError('--game <id> is required (a built-in game), or a new game\'s facts with --info FILE.json (or its id with --rules FILE)');
  checkModelOptions(options);
  if (options.lang !== 'ts' && options.lang !== 'python') throw new UserError(`--lang must be ts or python, not "${options.lang}"`);
  if (options.lang === 'python' && !options.paperDataset) {
    throw new UserError('--lang python uses the paper\'s prompt template: give --paper-dataset DIR (the folder holding prompts/perfect_info.txt)');
  }
  const target = resolveGenerationTarget({ game: options.game, rules: options.rules, info: options.info, players: options.players, information: options.information });
  const model = await modelSettings(options, options.seed);
  const language = options.lang as CodeLanguage;
  const { buildPrompt } = await import('../../codegen/run.js');
  // Fails early, before any call, on a bad --example or a missing template.
  await checkPrompt(() => buildPrompt({ ...target, language, example: options.example, paperDataset: options.paperDataset }));
  return { ...target, ...model, language, outDir: options.out, paperDataset: options.paperDataset };
}

/** Runs a prompt-building step, turning a PromptError (bad example, missing paper file) into a UserError. */
export async function checkPrompt<T>(build: () => T): Promise<T> {
  const { PromptError } = await import('../../codegen/prompts.js');
  try {
    return build();
  } catch (error) {
    if (error instanceof PromptError) throw new UserError(error.message);
    throw error;
  }
}

function parseTemperature(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 2) throw new UserError(`--temperature must be a number from 0 to 2, not "${text}"`);
  return value;
}

export function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`--base-url must be an http(s) URL such as http://127.0.0.1:8000/v1, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`--base-url must be an http(s) URL, not "${text}"`);
  return text.replace(/\/+$/, '');
}

/** A local or private server needs no key; OpenAI's own endpoint does. */
export function defaultKey(baseURL: string): string {
  if (new URL(baseURL).hostname === 'api.openai.com') {
    throw new UserError('the OpenAI endpoint needs an API key: set OPENAI_API_KEY or pass --api-key');
  }
  return 'none';
}

const percent = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const fixed = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

export function formatSummary(summary: GenerationSummary, dir: string): string {
  const rows = summary.list.map((c) => [c.file, c.parent ?? '', c.ok ? 'PASS' : 'FAIL', fixed(c.score), fixed(c.eval), fixed(c.reward), fixed(c.transitionAccuracy), c.firstFailure]);
  const lines = [formatTable(['candidate', 'refines', 'verdict', 'score', 'eval', 'reward', 'transition', 'first failing check'], rows), ''];
  lines.push(summary.passed ? `passed every tier: ${dir}/${summary.passed}` : `no candidate passed every tier (best: ${summary.best ? `${dir}/${summary.best.file}, score ${fixed(summary.best.score)}` : 'none'})`);
  const firstTries = summary.list.filter((c) => c.round === 0).length;
  lines.push(`first-try compile rate: ${percent(summary.firstTryCompileRate)} of ${firstTries}`);
  lines.push(`pass rate per tier: ${Object.entries(summary.passRate).filter(([, rate]) => rate !== null).map(([tier, rate]) => `${tier} ${percent(rate)}`).join(', ')}`);
  for (const [tier, note] of Object.entries(summary.skipped)) lines.push(`skipped: ${tier} (${note})`);
  lines.push(`best scores: eval ${fixed(summary.bestScores.eval)}, reward ${fixed(summary.bestScores.reward)}, transition accuracy ${fixed(summary.bestScores.transitionAccuracy)}`);
  const { llm } = summary;
  lines.push(`LLM: ${llm.requests} replies (${llm.calls} calls, ${llm.cached} from the cache, ${llm.retries} retries); tokens ${llm.promptTokens} prompt + ${llm.completionTokens} completion (spent now: ${llm.spentPromptTokens} + ${llm.spentCompletionTokens})`);
  lines.push(`summary: ${dir}/summary.json`);
  return lines.join('\n');
}
