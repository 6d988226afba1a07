// The options a producer command takes to verify on a fleet of workers
// (--redis URL, --queue, --job-timeout-ms), and the verifier they choose:
// the fleet's when --redis is given, this process's otherwise.

import type { Command } from 'commander';
import type { CandidateVerifier } from '../verifier/candidate.js';
import type { VerifyOptions } from '../verifier/verify.js';
import { integerOption } from './options.js';

export interface FleetCliOptions {
  redis?: string;
  queue?: string;
  jobTimeoutMs?: number;
}

export function addFleetOptions(command: Command): Command {
  return command
    .option('--redis <url>', 'verify on a fleet of `gamecwm worker`s through Redis: redis://[:password@]host:port[/db], rediss:// for TLS')
    .option('--queue <name>', 'with --redis: the queue the workers serve (default: gamecwm-verify)')
    .option('--job-timeout-ms <n>', 'with --redis: the longest a worker may spend on one candidate', integerOption('--job-timeout-ms', 100, 86_400_000), 600_000);
}

/** The fleet's verifier with --redis (a FleetError if Redis cannot be reached), else one in this process. */
export async function candidateVerifier(options: FleetCliOptions, verify: Partial<VerifyOptions>): Promise<CandidateVerifier> {
  if (options.redis === undefined) {
    const { LocalCandidateVerifier } = await import('../verifier/candidate.js');
    return new LocalCandidateVerifier(verify);
  }
  const { FleetVerifier } = await import('../fleet/producer.js');
  return FleetVerifier.connect({
    redis: options.redis, ...(options.queue === undefined ? {} : { queue: options.queue }),
    ...(options.jobTimeoutMs === undefined ? {} : { jobTimeoutMs: options.jobTimeoutMs }),
  }, verify);
}
