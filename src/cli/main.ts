// The gamecwm command line. User mistakes end with one line and exit 2.

import { Command, CommanderError } from 'commander';
import { registerArenaCommand } from './commands/arena.js';
import { registerBenchCommand } from './commands/bench.js';
import { registerConformanceCommand } from './commands/conformance.js';
import { registerDatasetCommand } from './commands/dataset.js';
import { registerGenerateCommand } from './commands/generate.js';
import { registerGamesCommand } from './commands/games.js';
import { registerInitCommand } from './commands/init.js';
import { registerPlayCommand } from './commands/play.js';
import { registerRulesCommand } from './commands/rules.js';
import { registerServeRewardCommand } from './commands/serve-reward.js';
import { registerTranslateCommands } from './commands/translate.js';
import { registerVerifyCommand } from './commands/verify.js';
import { registerWorkerCommand } from './commands/worker.js';
import { USER_ERROR_EXIT_CODE, UserError } from './errors.js';
import { IsolatedVmUnavailableError } from '../engine/sandbox/ivm.js';
import { packageVersion } from './version.js';
export { exitQuietlyOnClosedPipe } from './terminal.js';
import { SandboxError } from '../engine/sandbox/sandbox.js';
import { FleetError } from '../fleet/errors.js';
import { SearchError } from '../mcts/search.js';
import { GameFaultError } from '../engine/runner.js';
import { PythonRunnerError } from '../python-runner/runner-client.js';
import { SyncPythonRunnerError } from '../python-runner/sync-runner.js';

export function buildProgram(): Command {
  const program = new Command('gamecwm')
    .description('Game Code World Models in TypeScript: typed, sandboxed, verified game rules and agents')
    .version(packageVersion())
    .configureOutput({
      // Commander's own mistakes (unknown option, missing argument) in the project's one-line style.
      outputError: (text, write) => write(`gamecwm: ${text.replace(/^error: /, '').trim()} (see --help)\n`),
    })
    .exitOverride();
  registerGamesCommand(program);
  registerRulesCommand(program);
  registerPlayCommand(program);
  registerVerifyCommand(program);
  registerInitCommand(program);
  registerArenaCommand(program);
  registerTranslateCommands(program);
  registerGenerateCommand(program);
  registerDatasetCommand(program);
  registerServeRewardCommand(program);
  registerWorkerCommand(program);
  registerBenchCommand(program);
  registerConformanceCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // A command may set a verdict exit code (verify: 1 when a candidate fails).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help / version text).
      return error.exitCode === 0 ? 0 : USER_ERROR_EXIT_CODE;
    }
    // A missing isolated-vm line is the install's fault, fixed by the user like a usage mistake.
    // So is a fleet that cannot be reached or stopped answering (the verdicts so far are already out).
    if (error instanceof UserError || error instanceof IsolatedVmUnavailableError || error instanceof FleetError) {
      // One line per problem (a game description can have several).
      process.stderr.write(error.message.split('\n').map((line) => `gamecwm: ${line}\n`).join(''));
      return USER_ERROR_EXIT_CODE;
    }
    if (error instanceof SandboxError || error instanceof GameFaultError || error instanceof SearchError || error instanceof SyncPythonRunnerError || error instanceof PythonRunnerError) {
      // The candidate's rules failed (a time or memory limit, a crash): a verdict, not a usage mistake.
      process.stderr.write(`gamecwm: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
