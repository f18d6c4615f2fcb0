// A one-line progress bar on stderr when it is a terminal; nothing otherwise or with --quiet.
import { t } from '../i18n/index.ts';

export interface Progress {
  update(done: number, failed: number, segments: number): void;
  /** Prints a line above the bar (e.g. a failed document) without breaking it. */
  log(line: string): void;
  stop(): void;
}

export function createProgress(total: number, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const live = !options.quiet && stream.isTTY === true;
  const started = performance.now();
  let last = '';
  const clear = () => { if (live && last) stream.write('\r\x1b[2K'); };
  return {
    update(done, failed, segments) {
      if (!live) return;
      const seconds = (performance.now() - started) / 1000;
      const width = 24, filled = total ? Math.round((width * (done + failed)) / total) : width;
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const rate = seconds > 0 ? Math.round(segments / seconds) : 0;
      last = `${bar} ${t('run:progress', { done: done + failed, total, failed, rate })}`;
      stream.write('\r\x1b[2K' + last);
    },
    log(line) {
      clear();
      stream.write(line + '\n');
      if (live && last) stream.write(last);
    },
    stop() {
      clear();
      last = '';
    },
  };
}
