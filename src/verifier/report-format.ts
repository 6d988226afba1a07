// How verification reports are shown: readable text for people and the
// documented JSON shape for machines.

import type { TierName } from './scores.js';
import { skippedTiers, TIER_NAMES, type VerificationReport } from './verify.js';

export function reportToJson(report: VerificationReport): object {
  const tiers: Record<string, object> = {};
  for (const name of TIER_NAMES) {
    const tier = report.tiers[name];
    tiers[name] = {
      applicable: tier.applicable, passed: tier.passed, total: tier.total, score: tier.score,
      ...(tier.note ? { note: tier.note } : {}),
      checks: tier.checks.map((c) => ({ name: c.name, passed: c.passed, ...(c.message ? { message: c.message } : {}), ...(c.actions ? { actions: c.actions } : {}) })),
    };
  }
  return {
    game: report.game, file: report.file, ok: report.ok,
    portable: report.portable, portability: report.portability.map(({ line, column, message }) => ({ line, column, message })),
    scores: report.scores, skipped: skippedTiers(report.tiers), tiers,
    diagnostics: report.diagnostics, timings: report.timings,
  };
}

const MAX_PORTABILITY_SHOWN = 10;

/** The portability verdict in words: a verdict beside `ok`, required only where Python is asked for. */
function portabilityLine(report: VerificationReport): string {
  if (report.portable === null) return 'portable to Python: not checked';
  if (report.portable) return 'portable to Python: yes';
  return 'portable to Python: no (only needed for translate, export-python or --require-portable):';
}

const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

export function formatReport(report: VerificationReport): string {
  const lines = [
    `${report.file} (${report.game}): ${report.ok ? 'PASS' : 'FAIL'}   eval ${num(report.scores.eval)}   reward ${num(report.scores.reward)}   transition accuracy ${num(report.scores.transitionAccuracy)}`,
  ];
  for (const name of TIER_NAMES) {
    const tier = report.tiers[name];
    const status = !tier.applicable ? `n/a (${tier.note ?? 'does not apply'})`
      : `${tier.passed}/${tier.total}${tier.passed === tier.total ? '' : '  FAILED'}${tier.note ? `  (${tier.note})` : ''}`;
    lines.push(`  ${name.padEnd(13)} ${status}`);
  }
  const skipped = Object.keys(skippedTiers(report.tiers));
  if (skipped.length > 0) lines.push(`  skipped: ${skipped.join(', ')} (${skipped.length === 1 ? 'it needs' : 'they need'} a built-in reference${skipped.includes('scenarios') ? ' or scenarios of the game\'s own' : ''})`);
  const failures = TIER_NAMES.flatMap((name: TierName) => report.tiers[name].checks.filter((c) => !c.passed).map((c) => ({ name, c })));
  if (failures.length > 0) lines.push('', 'failing checks:');
  for (const { name, c } of failures) {
    lines.push(`  ${name}/${c.name}: ${c.message ?? ''}`);
    if (c.actions) lines.push(`    actions: ${JSON.stringify(c.actions)}`);
  }
  if (report.diagnostics.length > 0) lines.push('', 'diagnostics:', ...report.diagnostics.map((d) => `  ${d}`));
  lines.push('', portabilityLine(report), ...report.portability.slice(0, MAX_PORTABILITY_SHOWN).map((d) => `  ${report.file}:${d.line}:${d.column}: ${d.message}`));
  if (report.portability.length > MAX_PORTABILITY_SHOWN) lines.push(`  (and ${report.portability.length - MAX_PORTABILITY_SHOWN} more)`);
  return lines.join('\n');
}
