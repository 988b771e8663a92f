import { ShelfsyncError } from '../errors.ts';

export interface ConfigProblem {
  /** Where in the config, e.g. `books.users[0].hardcover.token`; empty for the file as a whole. */
  path: string;
  /** What is wrong and what is expected; never contains a configured value of a secret. */
  message: string;
  /** Line in the config file, when the problem is in the file. */
  line?: number;
  /** The environment variable the value came from, when it did. */
  envVar?: string;
}

/** `books.min_progress: must be at most 100 (line 4)` */
export function formatProblem(problem: ConfigProblem): string {
  const origin = problem.envVar
    ? ` (from $${problem.envVar})`
    : problem.line
      ? ` (line ${problem.line})`
      : '';
  return problem.path ? `${problem.path}: ${problem.message}${origin}` : `${problem.message}${origin}`;
}

/** Thrown by loadConfig; carries every problem found, not only the first. */
export class ConfigInvalidError extends ShelfsyncError {
  readonly problems: readonly ConfigProblem[];
  readonly configPath: string;

  constructor(configPath: string, problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((problem) => `  ${formatProblem(problem)}`).join('\n');
    super(`the config file ${configPath} has ${count}:\n${lines}`, {
      code: 'config_invalid',
      service: 'shelfsync',
    });
    this.problems = problems;
    this.configPath = configPath;
  }
}
