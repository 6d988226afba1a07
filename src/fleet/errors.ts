// What can go wrong with the fleet itself, as opposed to a candidate: Redis
// cannot be reached or went away, or no worker answered a job in time. The
// CLI ends a producer on a FleetError with one line and exit code 2 (the
// user's setup to fix), keeping the verdicts that came back before.
//
// A candidate's own faults never become a FleetError: they are verdicts in
// its report, like in-process verification.

export class FleetError extends Error {
  override name = 'FleetError';
}

/** The short cause of a Redis connection error (ECONNREFUSED, a refused password, a TLS failure). */
export function redisCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && !error.message.includes(code)) return `${code}: ${error.message}`;
  return error.message;
}
