// What the model is told about its candidate: the static tier's diagnostics
// when the module does not compile or breaks the subset, else the first
// failing checks with their messages and the action sequences that reproduce
// them. Bounded in size, so a long conversation stays within context.

import type { VerificationReport } from '../verifier/verify.js';
import { TIER_NAMES } from '../verifier/verify.js';
import type { CodeLanguage } from './extract.js';

export const MAX_DIAGNOSTICS = 15;
export const MAX_FAILURES = 5;
const MAX_ACTIONS = 80;

function replyInstruction(language: CodeLanguage): string {
  return `Reply with the whole corrected module in a single \`\`\`${language === 'ts' ? 'ts' : 'python'} code block.`;
}

export function noCodeFeedback(language: CodeLanguage): string {
  return `Your reply contained no code. ${replyInstruction(language)}`;
}

/** The refinement request for a candidate that failed verification. */
export function feedbackFor(report: VerificationReport, language: CodeLanguage): string {
  const staticTier = report.tiers.static;
  if (staticTier.passed < staticTier.total && report.diagnostics.length > 0) {
    const shown = report.diagnostics.slice(0, MAX_DIAGNOSTICS);
    const more = report.diagnostics.length - shown.length;
    return [
      'Your module does not pass the static checks (type-check against the contract, forbidden constructs, and the portable subset where it is required). Fix every problem:',
      '',
      ...shown.map((d) => `- ${d}`),
      ...(more > 0 ? [`- (and ${more} more)`] : []),
      '',
      replyInstruction(language),
    ].join('\n');
  }
  const failures = failingChecks(report).slice(0, MAX_FAILURES);
  const lines = ['The verifier ran your module and these checks failed ("actions" replays the failure from the initial state):', ''];
  failures.forEach((f, i) => {
    lines.push(`${i + 1}. ${f.tier}/${f.name}: ${f.message ?? 'failed'}`);
    if (f.actions) {
      const shown = f.actions.slice(0, MAX_ACTIONS);
      lines.push(`   actions: ${JSON.stringify(shown)}${f.actions.length > shown.length ? ` (first ${shown.length} of ${f.actions.length})` : ''}`);
    }
  });
  if (failures.length === 0) {
    // Every check passed but a tier carries a verdict of its own (a stub resampleHistory).
    for (const tier of TIER_NAMES) {
      const note = report.tiers[tier].note;
      if (report.tiers[tier].applicable && note) lines.push(`- ${tier}: ${note}`);
    }
  }
  const total = failingChecks(report).length;
  if (total > failures.length) lines.push(`(and ${total - failures.length} more failing checks)`);
  lines.push('', `Fix the rules so that every check passes. ${replyInstruction(language)}`);
  return lines.join('\n');
}

export interface FailingCheck {
  tier: string;
  name: string;
  message?: string;
  actions?: string[];
}

/** Failing checks in tier order, tiers that did not run left out when an earlier one explains why. */
export function failingChecks(report: VerificationReport): FailingCheck[] {
  const found: FailingCheck[] = [];
  for (const tier of TIER_NAMES) {
    const result = report.tiers[tier];
    if (!result.applicable) continue;
    for (const check of result.checks) {
      if (check.passed) continue;
      // A tier that did not run repeats one message; say it once.
      if (found.some((f) => f.message === check.message && check.name === 'runs')) continue;
      found.push({ tier, name: check.name, message: check.message, actions: check.actions });
    }
  }
  return found;
}

/** `tier/check` of the first failure, or '' when every check passes. */
export function firstFailure(report: VerificationReport): string {
  const first = failingChecks(report)[0];
  return first ? `${first.tier}/${first.name}` : '';
}
