// The two refinement strategies of the CWM paper, over an `attempt` that asks
// the model, extracts, writes and verifies one candidate.
//
// conversation: every sample is a chat; after each round, each chat gets the
//   verifier's feedback on its last candidate and is asked for a fix. Rounds
//   run in lockstep so that the set of requests, and so a resumed or
//   repeated run, depends only on the replies.
// tree: every candidate is kept with its score; the next one to refine is
//   picked by Thompson sampling (thompson.ts) and refined from the first
//   prompt, its code and its feedback. The refinements are a budget of calls.
// Both stop at the first candidate that passes every tier.

import type { Rng } from '../engine/rng.js';
import type { VerificationReport } from '../verifier/verify.js';
import type { ChatMessage, ChatReply } from './chat.js';
import type { CodeLanguage } from './extract.js';
import { thompsonPick } from './thompson.js';

export type Strategy = 'conversation' | 'tree';
export const STRATEGIES: Strategy[] = ['conversation', 'tree'];

export interface Candidate {
  sample: number;
  round: number;
  /** File name of the candidate this one refines. */
  parent: string | null;
  /** `<sample>-<round>.<ext>` */
  file: string;
  messages: ChatMessage[];
  reply: ChatReply;
  code: string | null;
  report: VerificationReport;
  /** Mean of the applicable tiers' scores, in [0, 1]. */
  score: number;
  /** What the model is told when this candidate is refined. */
  feedback: string;
  /** Times the tree strategy has refined this candidate. */
  refinements: number;
}

export interface AttemptRequest {
  sample: number;
  round: number;
  parent: Candidate | null;
  messages: ChatMessage[];
  /** Distinguishes requests with equal messages (see ChatRequest.sample). */
  draw: string;
}

export interface RefineContext {
  prompt: string;
  language: CodeLanguage;
  attempt(request: AttemptRequest): Promise<Candidate>;
}

export interface RefineBudget {
  samples: number;
  /** conversation: rounds of refinement per sample; tree: refinement calls in all. */
  refine: number;
}

/** The most replies a run can use (it stops earlier when a candidate passes). */
export function replyBudget(strategy: Strategy, budget: RefineBudget): number {
  return strategy === 'tree' ? budget.samples + budget.refine : budget.samples * (budget.refine + 1);
}

export interface RefineOutcome {
  candidates: Candidate[];
  passed: Candidate | null;
}

export async function refineByConversation(context: RefineContext, budget: RefineBudget): Promise<RefineOutcome> {
  const candidates: Candidate[] = [];
  let latest = await firstAttempts(context, budget.samples);
  candidates.push(...latest);
  for (let round = 1; round <= budget.refine; round++) {
    if (latest.some((c) => c.report.ok)) break;
    latest = await Promise.all(latest.map((previous) => context.attempt({
      sample: previous.sample, round, parent: previous, draw: String(previous.sample),
      messages: [...previous.messages, assistantTurn(previous, context.language), { role: 'user', content: previous.feedback }],
    })));
    candidates.push(...latest);
  }
  return { candidates, passed: candidates.find((c) => c.report.ok) ?? null };
}

export async function refineByTree(context: RefineContext, budget: RefineBudget, rng: Rng): Promise<RefineOutcome> {
  const candidates = await firstAttempts(context, budget.samples);
  const rounds = candidates.map(() => 0);
  for (let call = 0; call < budget.refine && !candidates.some((c) => c.report.ok); call++) {
    const parent = candidates[thompsonPick(candidates, rng)];
    const draw = `${parent.file}#${parent.refinements}`;
    parent.refinements++;
    const round = ++rounds[parent.sample];
    candidates.push(await context.attempt({
      sample: parent.sample, round, parent, draw,
      messages: [{ role: 'user', content: context.prompt }, assistantTurn(parent, context.language), { role: 'user', content: parent.feedback }],
    }));
  }
  return { candidates, passed: candidates.find((c) => c.report.ok) ?? null };
}

function firstAttempts(context: RefineContext, samples: number): Promise<Candidate[]> {
  return Promise.all(Array.from({ length: samples }, (_, sample) => context.attempt({
    sample, round: 0, parent: null, draw: String(sample), messages: [{ role: 'user', content: context.prompt }],
  })));
}

/** The model's earlier answer as it goes back into a conversation: its code in one block (reasoning and prose left out). */
function assistantTurn(candidate: Candidate, language: CodeLanguage): ChatMessage {
  const content = candidate.code === null ? candidate.reply.content : `\`\`\`${language === 'ts' ? 'ts' : 'python'}\n${candidate.code}\`\`\``;
  return { role: 'assistant', content };
}
