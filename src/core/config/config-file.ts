import { readFile, stat } from 'node:fs/promises';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { ShelfsyncError } from '../errors.ts';
import { type ConfigLocation, describeMissingConfig } from './paths.ts';
import type { ConfigProblem } from './problems.ts';
import { isPlainObject, type PathSegment } from './schema-walk.ts';
import { fileErrorReason } from './secret-files.ts';

/** The config file as read from disk: plain data, plus where each key sits in the text. */
export interface ConfigFile {
  raw: Record<string, unknown>;
  /** Permission bits of the file. */
  mode: number;
  /** The line of the entry at `path`, or of its nearest enclosing entry when it is missing. */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

export type ConfigFileResult = { file: ConfigFile; warnings: string[] } | { problems: ConfigProblem[] };

export async function readConfigFile(location: ConfigLocation): Promise<ConfigFileResult> {
  let text: string;
  let mode: number;
  try {
    const info = await stat(location.path);
    if (info.isDirectory()) {
      return {
        problems: [{ path: '', message: `${location.path} is a folder; the config must be a YAML file` }],
      };
    }
    mode = info.mode;
    text = await readFile(location.path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ShelfsyncError(describeMissingConfig(location), {
        code: 'config_missing',
        service: 'shelfsync',
      });
    }
    return { problems: [{ path: '', message: `cannot read ${location.path} (${fileErrorReason(error)})` }] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const where = error.linePos
          ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: `
          : // Stryker disable next-line StringLiteral: with a LineCounter yaml places every error, so this is never used
            '';
        return { path: '', message: `not valid YAML: ${where}${firstLineOf(error.message)}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return {
      problems: [{ path: '', message: `not usable YAML: ${firstLineOf(String((error as Error).message))}` }],
    };
  }
  // An empty file, or one holding only comments, is an empty mapping.
  data ??= {};
  if (!isPlainObject(data)) {
    return {
      problems: [
        {
          path: '',
          message: 'the file must be a YAML mapping of settings (database:, books:, records:, ...)',
        },
      ],
    };
  }
  // The line of the key that holds the value at `path`; for a missing key, that of its nearest parent.
  const lineOf = (path: readonly PathSegment[]): number | undefined => {
    for (let length = path.length; length >= 1; length--) {
      const node = entryNode(doc.getIn(path.slice(0, length - 1)), path[length - 1]);
      // Stryker disable next-line OptionalChaining: every node parsed from text has a range; `?.` only satisfies the type
      const offset = isNode(node) ? node.range?.[0] : undefined;
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return undefined;
  };
  const warnings = doc.warnings.map((warning) => `${location.path}: ${firstLineOf(warning.message)}`);
  return { file: { raw: data, mode, lineOf }, warnings };
}

/** A mapping entry is placed by its key, a list entry by the item itself. */
function entryNode(parent: unknown, segment: PathSegment | undefined): unknown {
  if (isMap(parent))
    return parent.items.find((item) => isScalar(item.key) && item.key.value === segment)?.key;
  return isSeq(parent) ? parent.get(segment, true) : undefined;
}

/** yaml's messages end in a quote of the source line, which may hold a token: keep the sentence only. */
export function firstLineOf(message: string): string {
  return message
    .replace(/\n.*/s, '')
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:$/, '');
}
