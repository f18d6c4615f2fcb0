// A one-line progress bar on stderr when it is a terminal; nothing otherwise or with --quiet.
import { t } from '../i18n/index.ts';

export interface Progress {
  update(done: number, failed: number, segments: number): void;
  /** Prints a line above the bar (e.g. a failed document) without breaking it. */
  log(line: string): void;
  stop(): void;
}

/** Redraws at most this often (a fast batch finishes hundreds of documents a second). */
const REDRAW_MS = 100;

/** `startedAt` (performance.now()) is when the work began, for the rate; default: now. */
export function createProgress(total: number,
  options: { quiet?: boolean; stream?: NodeJS.WriteStream; startedAt?: number } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const live = !options.quiet && stream.isTTY === true;
  const started = options.startedAt ?? performance.now();
  let last = '';
  let drawn = -Infinity;
  // The latest counts, drawn whenever the bar is: a line printed above it between two throttled
  // redraws used to bring back the bar of the last redraw ("1/14 documents, 1 failed" under five failures).
  let done = 0, failed = 0, segments = 0;
  const clear = () => { if (live && last) stream.write('\r\x1b[2K'); };
  const render = () => {
    const seconds = (performance.now() - started) / 1000;
    const width = 24, filled = total ? Math.round((width * (done + failed)) / total) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const rate = seconds > 0 ? Math.round(segments / seconds) : 0;
    return `${bar} ${t('run:progress', { done: done + failed, total, failed, rate })}`;
  };
  return {
    update(d, f, s) {
      if (!live) return;
      done = d; failed = f; segments = s;
      const now = performance.now();
      if (now - drawn < REDRAW_MS && done + failed < total) return;
      drawn = now;
      last = render();
      stream.write('\r\x1b[2K' + last);
    },
    log(line) {
      clear();
      stream.write(line + '\n');
      if (live && last) stream.write((last = render()));
    },
    stop() {
      clear();
      last = '';
    },
  };
}
