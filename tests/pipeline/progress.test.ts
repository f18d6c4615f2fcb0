import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/pipeline/progress.ts';
import { initI18n } from '../../src/i18n/index.ts';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => { chunks.push(s); return true; } } as unknown as NodeJS.WriteStream, chunks };
}

describe('progress bar', () => {
  it('draws documents done/failed and segments per second on a terminal', () => {
    initI18n('en');
    const { stream, chunks } = fakeStream(true);
    const p = createProgress(10, { stream });
    p.update(3, 1, 120);
    expect(chunks.join('')).toMatch(/4\/10 documents, 1 failed, \d+ segments\/s/);
    p.log('docs/a.txt: empty document');
    expect(chunks.join('')).toContain('docs/a.txt: empty document\n');
    p.stop();
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
  });
  it('redraws at most every 100 ms but always at the end, with the rate since the work began', () => {
    initI18n('en');
    const { stream, chunks } = fakeStream(true);
    const p = createProgress(3, { stream, startedAt: performance.now() - 2000 });
    p.update(1, 0, 100);
    p.update(2, 0, 200); // within 100 ms of the last redraw: not drawn
    p.update(3, 0, 300); // the last document: drawn
    const drawn = chunks.join('').split('\r\x1b[2K').filter(Boolean);
    expect(drawn.map((line) => /(\d+)\/3 documents/.exec(line)?.[1])).toEqual(['1', '3']);
    expect(Number(/(\d+) segments\/s/.exec(drawn[1])![1])).toBeLessThan(200); // 300 over ~2 s, not over the last instant
  });
  it('redraws the latest counts under a line printed between two throttled redraws', () => {
    initI18n('en');
    const { stream, chunks } = fakeStream(true);
    const p = createProgress(14, { stream });
    p.update(0, 1, 0);
    p.update(0, 2, 0); // within 100 ms: not drawn
    p.log('docs/b.txt: binary file');
    expect(chunks.join('').split('docs/b.txt: binary file\n')[1]).toMatch(/2\/14 documents, 2 failed/);
  });

  it('is silent with --quiet and when stderr is not a terminal, but still prints failures', () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]] as const) {
      const { stream, chunks } = fakeStream(isTTY);
      const p = createProgress(10, { stream, quiet });
      p.update(5, 0, 50);
      p.log('docs/b.txt: binary file');
      p.stop();
      expect(chunks.join('')).toBe('docs/b.txt: binary file\n');
    }
  });
});
