import pc from 'picocolors';
import { findShelfsyncError } from '../core/errors.ts';

/** One plain line for the user; stack traces only with SHELFSYNC_DEBUG=1 and only for our own bugs. */
export function printError(error: unknown): void {
  const known = findShelfsyncError(error);
  if (known) {
    const where = known.service === 'shelfsync' ? '' : `${known.service}: `;
    process.stderr.write(`${pc.red('error')} ${where}${known.message}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${pc.red('error')} unexpected failure: ${message}\n`);
  if (process.env.SHELFSYNC_DEBUG === '1' && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}
