// Mistakes a user can fix (a wrong game id, a bad option value) end the CLI
// with one clear line and exit code 2, never a stack trace.

export class UserError extends Error {
  override name = 'UserError';
}

export const USER_ERROR_EXIT_CODE = 2;
