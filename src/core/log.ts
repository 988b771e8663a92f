import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED, SecretRedactor } from './secrets.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Log file; its folder is created (mode 0700) when missing. */
  file: string;
  level: pino.LevelWithSilent;
  /** Secret values to replace anywhere in a line, e.g. `secretsOf(config)`; a redactor can grow later. */
  secrets?: Iterable<string> | SecretRedactor;
}

/** Keys whose values never reach the log, wherever they sit (top level up to three levels down). */
const SECRET_KEYS = [
  'token',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  'client_secret',
  'refresh_token',
  'access_token',
  'code_verifier',
  'secret',
];

function redactPaths(): string[] {
  return [
    ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
    'headers["set-cookie"]',
    '*.headers["set-cookie"]',
  ];
}

const destinations = new WeakMap<
  Logger,
  pino.DestinationStream & { end(): void; once: NodeJS.EventEmitter['once'] }
>();

/**
 * A JSON-lines logger on a file. Writes are synchronous, so nothing is lost when the process exits
 * and nothing keeps it alive. Secrets are removed twice: by key (redaction paths) and by value
 * (every known secret, and credential shapes such as `Bearer ...`, replaced in the finished line).
 */
export function createLogger(options: LoggerOptions): Logger {
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const redactor =
    options.secrets instanceof SecretRedactor ? options.secrets : new SecretRedactor(options.secrets);
  const destination = pino.destination({ dest: options.file, sync: true, append: true, mode: 0o600 });
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths(), censor: REDACTED },
      hooks: { streamWrite: (line) => redactor.redact(line) },
    },
    destination as DestinationStream,
  );
  destinations.set(logger, destination);
  return logger;
}

/** Writes what is pending and closes the file; call once, on the logger createLogger returned. */
export function closeLogger(logger: Logger): Promise<void> {
  const destination = destinations.get(logger);
  if (!destination) return Promise.resolve();
  destinations.delete(logger);
  return new Promise((resolve) => {
    destination.once('close', () => resolve());
    destination.once('error', () => resolve());
    destination.end();
  });
}
