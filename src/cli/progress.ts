import cliProgress from 'cli-progress';
import pc from 'picocolors';
import { type PhaseProgress, type ProgressSink, silentPhase } from '../sync/bridge.ts';

/** Bars on a terminal, a plain line per finished phase when piped, nothing at all when quiet. */
export type ProgressMode = 'bars' | 'lines' | 'quiet';

export interface CliProgress extends ProgressSink {
  /** Stops drawing (bars stay on screen as they ended); call before printing the report. */
  stop(): void;
}

/** Progress goes to stderr, so stdout keeps only the report (and `--json` only its document). */
export function progressMode(
  options: { json?: boolean | undefined },
  stream: NodeJS.WriteStream = process.stderr,
): ProgressMode {
  if (stream.isTTY) return 'bars';
  return options.json ? 'quiet' : 'lines';
}

export function createCliProgress(
  mode: ProgressMode,
  stream: NodeJS.WriteStream = process.stderr,
): CliProgress {
  if (mode === 'bars') return barProgress(stream);
  if (mode === 'lines') return lineProgress(stream);
  return { phase: () => silentPhase, note: () => {}, stop: () => {} };
}

/** "records collection pages" when the label names the phase, else "books collect (alice)". */
function title(bridge: string, name: string, label: string | undefined): string {
  if (label === undefined) return `${bridge} ${name}`;
  return label.includes(name) ? `${bridge} ${label}` : `${bridge} ${name} (${label})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export interface TerminalProgressOptions {
  /** Nothing at all (for --json, where stdout is for the document and stderr stays quiet). */
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
}

/** Progress on stderr for commands other than sync: bars on a terminal, plain lines when piped. */
export function terminalProgress(options: TerminalProgressOptions = {}): CliProgress {
  const stream = options.stream ?? process.stderr;
  return createCliProgress(options.quiet ? 'quiet' : progressMode({}, stream), stream);
}

function lineProgress(stream: NodeJS.WriteStream): CliProgress {
  return {
    phase(bridge, name, total, label) {
      const began = Date.now();
      let count = 0;
      let known = total;
      let ended = false;
      return {
        tick: (amount = 1) => {
          count += amount;
        },
        setTotal: (value) => {
          known = value;
        },
        done: () => {
          if (ended) return;
          ended = true;
          const items = known > 0 ? `${count}/${known}` : String(count);
          stream.write(`${title(bridge, name, label)}: ${items} in ${seconds(Date.now() - began)}\n`);
        },
      };
    },
    note: (message) => stream.write(`${message}\n`),
    stop: () => {},
  };
}

function barProgress(stream: NodeJS.WriteStream): CliProgress {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      etaBuffer: 50,
      format: (options, params, payload: { title: string }) => {
        const bar = cliProgress.Format.BarFormat(params.total > 0 ? params.progress : 0, options);
        const counts = params.total > 0 ? `${params.value}/${params.total}` : `${params.value}`;
        const eta =
          params.total > 0 && params.value < params.total && Number.isFinite(params.eta)
            ? ` ETA ${params.eta}s`
            : '';
        return `${payload.title.padEnd(24)} ${pc.cyan(bar)} ${counts}${eta}`;
      },
    },
    cliProgress.Presets.shades_classic,
  );
  // The bars' redraw timer runs while any phase is open; it stops with the last one, so a caller
  // that never calls stop() does not keep the process alive.
  let open = 0;
  return {
    phase(bridge, name, total, label): PhaseProgress {
      const bar = bars.create(total, 0, { title: title(bridge, name, label) });
      open++;
      let count = 0;
      let ended = false;
      return {
        tick: (amount = 1) => {
          count += amount;
          bar.increment(amount);
        },
        setTotal: (value) => bar.setTotal(value),
        done: () => {
          if (ended) return;
          ended = true;
          if (bar.getTotal() <= 0) bar.setTotal(Math.max(1, count));
          bar.update(bar.getTotal());
          bar.stop();
          open--;
          if (open === 0) bars.stop();
        },
      };
    },
    note: (message) => bars.log(`${message}\n`),
    stop: () => bars.stop(),
  };
}
