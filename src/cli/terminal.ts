// How the CLI leaves its pipes: output to a pipe whose reader has gone
// (`gamecwm play ... | head -1`) ends the process quietly instead of with an
// EPIPE stack trace.

/** Ends the process quietly when stdout or stderr loses its reader (EPIPE). */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
