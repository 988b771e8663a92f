import { CommanderError } from 'commander';
import { ExitCode, exitCodeFor } from '../core/errors.ts';
import { printError } from './output.ts';
import { buildProgram } from './program.ts';

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; commander already printed the reason otherwise.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    printError(error);
    return exitCodeFor(error);
  }
}
