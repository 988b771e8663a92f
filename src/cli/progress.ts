import cliProgress from 'cli-progress';
import type { BridgeName, PhaseProgress, ProgressSink } from '../sync/bridge.ts';

export interface TerminalProgressOptions {
  /** Nothing at all (for --json, where stdout is for the document and stderr stays quiet). */
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
}

/**
 * Progress for the terminal, on stderr: a bar with an ETA per phase on a TTY, one plain line when
 * a phase ends when output is piped, nothing when quiet.
 */
export function terminalProgress(options: TerminalProgressOptions = {}): ProgressSink {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { phase: () => ({ tick: () => {}, done: () => {} }), note: () => {} };
  return {
    phase(bridge: BridgeName, name: string, total: number, label?: string): PhaseProgress {
      const title = `${bridge} ${label ?? name}`;
      if (!stream.isTTY) return plainPhase(stream, title, total);
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${title} [{bar}] {value}/{total} | {percentage}% | ETA {eta_formatted}`,
          etaBuffer: 50,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      let finished = false;
      return {
        tick: (count = 1) => bar.increment(count),
        done: () => {
          if (finished) return;
          finished = true;
          bar.stop();
        },
      };
    },
    note: (message) => {
      stream.write(`${message}\n`);
    },
  };
}

function plainPhase(stream: NodeJS.WriteStream, title: string, total: number): PhaseProgress {
  let count = 0;
  let finished = false;
  return {
    tick: (n = 1) => {
      count += n;
    },
    done: () => {
      if (finished) return;
      finished = true;
      stream.write(`${title}: ${count}/${total}\n`);
    },
  };
}
