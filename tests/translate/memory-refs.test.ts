// A memory match's ref names the memory file as the job did (relative to the job's root), so output
// does not depend on the machine: it held the absolute path of wherever the job happened to live.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentsToJsonl, segmentsToTmx } from '../../src/export/index.ts';
import { createProvider, loadMemories } from '../../src/translate/index.ts';
import type { Segment } from '../../src/types.ts';

const segment = (doc: string, id: string, en: string, ru: string): Segment => ({
  doc, id, src: { lang: 'en', text: en }, tgt: { lang: 'ru', text: ru }, terms: [], score: 0.9, origin: 'aligned',
});

/** A job root with memories/a.tmx inside it and shared/b.jsonl beside it. */
function jobRoot(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'tandem-memory-refs-'));
  const root = join(base, 'job');
  mkdirSync(join(root, 'memories'), { recursive: true });
  mkdirSync(join(base, 'shared'));
  writeFileSync(join(root, 'memories', 'a.tmx'), segmentsToTmx([segment('news/a.en.txt', '3.1', 'Workers went on strike.', 'Рабочие объявили забастовку.')], { srcLang: 'en', tgtLang: 'ru' }));
  writeFileSync(join(base, 'shared', 'b.jsonl'), segmentsToJsonl([segment('b.en.txt', '0.0', 'The factory stopped.', 'Завод остановился.')]));
  return { root, outside: join(base, 'shared', 'b.jsonl') };
}

describe('translation memory refs', () => {
  it('name a memory relative to the job root, as the job named it, whatever the machine', async () => {
    const { root, outside } = jobRoot();
    const units = await loadMemories({ type: 'tm', memories: ['memories/*.tmx', '../shared/b.jsonl', outside] }, { baseDir: root });
    expect(units.map((u) => u.ref)).toEqual(['memories/a.tmx#news/a.en.txt:3.1', '../shared/b.jsonl#b.en.txt:0.0', `${outside}#b.en.txt:0.0`]);
  });

  it('go into a filled target\'s originDetail as memories/a.tmx#…', async () => {
    const { root } = jobRoot();
    const tm = await createProvider({ type: 'tm', memories: ['memories/a.tmx'] }, { baseDir: root });
    const [answer] = await tm.translate([{ id: 'q', text: 'Workers went on strike.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(answer?.detail).toMatchObject({ provider: 'tm', match: 100, ref: 'memories/a.tmx#news/a.en.txt:3.1' });
  });

  it('leave the document part empty for a TMX unit without x-doc, never the absolute path read', async () => {
    const { root } = jobRoot();
    writeFileSync(join(root, 'memories', 'c.tmx'), '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
      + '<tu><tuv xml:lang="en"><seg>The road is closed.</seg></tuv><tuv xml:lang="ru"><seg>Дорога закрыта.</seg></tuv></tu>\n</body></tmx>\n');
    const units = await loadMemories({ type: 'tm', memories: ['memories/c.tmx'] }, { baseDir: root });
    expect(units).toHaveLength(1);
    expect(units[0].ref).toMatch(/^memories\/c\.tmx#[^/:]+$/);
    expect(units[0].ref).not.toContain(root);
  });
});
