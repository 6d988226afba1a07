// One generation run: the first prompt, the chosen refinement strategy, and
// for every reply the candidate file, its verification report and, at the
// end, a summary. Layout under the output folder:
//
//   DIR/.cache/<hash>.json       every reply, keyed by its request (cache.ts)
//   DIR/<game>/prompt.md         the first prompt
//   DIR/<game>/<s>-<r>.ts|.py    candidate of sample s, round r
//   DIR/<game>/<s>-<r>.json      its report (verification, score, feedback)
//   DIR/<game>/summary.json      the run's summary (summary.ts)
//
// Every file is written atomically as soon as it exists, so an interrupted
// run keeps what it made, and a rerun rebuilds the same files from the cache.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files.js';
import type { GameInfo } from '../engine/game-info.js';
import type { Scenario } from '../engine/scenario.js';
import { Rng } from '../engine/rng.js';
import { reportToJson } from '../verifier/report-format.js';
import { evalScore, rlvrReward } from '../verifier/scores.js';
import { type CandidateVerifier, LocalCandidateVerifier } from '../verifier/candidate.js';
import { unrunReport, type VerificationReport, type VerifyOptions, type VerifyTarget } from '../verifier/verify.js';
import { ReplyCache } from './cache.js';
import type { ChatBackend } from './chat.js';
import { type BlockChoice, type CodeLanguage, extractCode } from './extract.js';
import { feedbackFor, noCodeFeedback } from './feedback.js';
import { chooseExample, pythonPrompt, readContract, typescriptPrompt } from './prompts.js';
import { type AttemptRequest, type Candidate, refineByConversation, refineByTree, type Strategy } from './refine.js';
import { candidateScore, type GenerationSummary, summarize } from './summary.js';

export interface GenerationSettings {
  info: GameInfo;
  /** The built-in reference for scenarios and the differential tier; absent for a new game. */
  referenceId?: string;
  /** A new game's own scenarios, verified in the scenarios tier. */
  scenarios?: Scenario[];
  /** The game's rules text, with its action strings. */
  rules: string;
  language: CodeLanguage;
  model: string;
  temperature: number;
  maxTokens: number;
  samples: number;
  refine: number;
  strategy: Strategy;
  /** Seeds Thompson sampling and the verifier. */
  seed: number;
  outDir: string;
  /** TypeScript: none, auto or a built-in game id (prompts.ts chooseExample). */
  example: string;
  /** Python: the folder holding the paper's prompts/ templates. */
  paperDataset?: string;
  blockChoice: BlockChoice;
  /** The model endpoint, built on the first cache miss only. */
  backend: () => ChatBackend;
  verify: Partial<VerifyOptions>;
  /** Verifies the candidates (a fleet of workers, say); by default a verifier in this process built from `verify`. The run does not dispose it. */
  verifier?: CandidateVerifier;
  /** Told about every reply used (for progress). */
  onReply?: (cached: boolean) => void;
}

export interface GenerationRun {
  dir: string;
  summary: GenerationSummary;
  candidates: Candidate[];
}

/** Thrown when the run stops on an error; the summary so far is written and attached. */
export class GenerationInterrupted extends Error {
  override name = 'GenerationInterrupted';

  constructor(readonly error: unknown, readonly summary: GenerationSummary) {
    super(error instanceof Error ? error.message : String(error));
  }
}

export function buildPrompt(settings: Pick<GenerationSettings, 'info' | 'rules' | 'language' | 'example' | 'paperDataset'>): string {
  if (settings.language === 'python') {
    if (!settings.paperDataset) throw new Error('Python generation needs the paper\'s prompt templates (paperDataset)');
    return pythonPrompt(settings.paperDataset, settings.info, settings.rules);
  }
  return typescriptPrompt({ info: settings.info, rules: settings.rules, example: chooseExample(settings.example, settings.info), contract: readContract() });
}

export async function runGeneration(settings: GenerationSettings): Promise<GenerationRun> {
  const { info, language } = settings;
  const dir = join(settings.outDir, info.id);
  mkdirSync(dir, { recursive: true });
  const prompt = buildPrompt(settings);
  writeFileAtomic(join(dir, 'prompt.md'), prompt);

  let backend: ChatBackend | undefined;
  const cache = new ReplyCache(join(settings.outDir, '.cache'), () => (backend ??= settings.backend()), (_, cached) => settings.onReply?.(cached));
  const local = settings.verifier ? undefined : new LocalCandidateVerifier({ seed: settings.seed, ...settings.verify });
  const verifier = settings.verifier ?? local!;
  const target: VerifyTarget = { info, ...(settings.referenceId ? { referenceId: settings.referenceId } : { scenarios: settings.scenarios ?? [] }) };
  const made: Candidate[] = [];
  const extension = language === 'ts' ? 'ts' : 'py';

  const inFlight = new Set<Promise<Candidate>>();
  const attempt = (request: AttemptRequest): Promise<Candidate> => {
    const promise = attemptOne(request);
    inFlight.add(promise);
    const settled = () => inFlight.delete(promise);
    promise.then(settled, settled);
    return promise;
  };
  const attemptOne = async (request: AttemptRequest): Promise<Candidate> => {
    const reply = await cache.complete({
      model: settings.model, messages: request.messages, temperature: settings.temperature, maxTokens: settings.maxTokens, sample: request.draw,
    });
    const code = extractCode(reply.content, language, settings.blockChoice);
    const name = `${request.sample}-${request.round}`;
    const file = `${name}.${extension}`;
    const path = join(dir, file);
    writeFileAtomic(path, code ?? '');
    let report: VerificationReport;
    if (code === null) {
      report = noCodeReport(target, file);
    } else {
      report = await verifier.verifyCandidate({ language, source: code, file, path }, target, { seed: settings.seed, ...settings.verify });
    }
    let feedback = report.ok ? '' : code === null ? noCodeFeedback(language) : feedbackFor(report, language);
    if (feedback && reply.finishReason === 'length') feedback = `Your reply was cut off by the token limit (${settings.maxTokens} tokens): write a shorter module.\n\n${feedback}`;
    const candidate: Candidate = {
      sample: request.sample, round: request.round, parent: request.parent?.file ?? null, file,
      messages: request.messages, reply, code, report, score: candidateScore(report), feedback, refinements: 0,
    };
    writeFileAtomic(join(dir, `${name}.json`), `${JSON.stringify({
      file, sample: candidate.sample, round: candidate.round, parent: candidate.parent, strategy: settings.strategy, model: settings.model,
      reply: { finishReason: reply.finishReason, usage: reply.usage, extracted: code !== null },
      score: candidate.score, report: reportToJson(report), ...(feedback ? { feedback } : {}),
    }, null, 2)}\n`);
    made.push(candidate);
    return candidate;
  };

  const summary = (interrupted?: string): GenerationSummary => {
    const spent = backend?.stats;
    const result = summarize({
      game: info.id, language, model: settings.model, strategy: settings.strategy, samples: settings.samples, refine: settings.refine,
      seed: settings.seed, interrupted,
      llm: {
        requests: cache.stats.hits + cache.stats.misses, calls: cache.stats.misses, cached: cache.stats.hits, retries: spent?.retries ?? 0,
        promptTokens: cache.stats.promptTokens, completionTokens: cache.stats.completionTokens,
        spentPromptTokens: spent?.promptTokens ?? 0, spentCompletionTokens: spent?.completionTokens ?? 0,
      },
    }, made);
    writeFileAtomic(join(dir, 'summary.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  };

  try {
    const context = { prompt, language, attempt };
    const budget = { samples: settings.samples, refine: settings.refine };
    if (settings.strategy === 'tree') await refineByTree(context, budget, new Rng(settings.seed));
    else await refineByConversation(context, budget);
  } catch (error) {
    // Candidates still being made finish first, so the summary keeps them.
    await Promise.allSettled([...inFlight]);
    throw new GenerationInterrupted(error, summary(error instanceof Error ? error.message : String(error)));
  } finally {
    await local?.dispose();
  }
  return { dir, summary: summary(), candidates: made };
}

/** The report of a reply with no code in it: the static tier fails, nothing else runs. */
function noCodeReport(target: VerifyTarget, file: string): VerificationReport {
  return unrunReport(target, file, { name: 'has-code', passed: false, message: 'the reply contained no code' });
}
