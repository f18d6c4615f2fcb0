// Finding a job's documents and pairing parallel ones. Pairing, in order:
// 1. explicit `pairing.documents` pairs from the job file;
// 2. with `pairing.by: suffix` (the default), the naming convention: for a job pair src-tgt,
//    NAME.<tgt>.EXT is the translation of NAME.<src>.EXT, or of NAME.EXT when there is no
//    NAME.<src>.EXT (seeds/000_x.txt ↔ seeds/000_x.ru.txt);
// every other document is processed alone (its segments have tgt: null until translated).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { t } from '../i18n/index.ts';
import { UsageError } from '../cli/errors.ts';
import type { Job } from './job.ts';
import type { DocRef, DocTask } from './types.ts';

export async function discoverDocuments(job: Job): Promise<string[]> {
  const files = await glob(job.input, { cwd: job.root, ignore: job.exclude, onlyFiles: true, expandDirectories: false });
  const explicit = job.pairing.documents.flatMap((p) => [p.src, p.tgt]).map(normal);
  const all = [...new Set([...files.map(normal), ...explicit])].sort(byCodePoint);
  if (!all.length) throw new UsageError(t('run:job.noInputs', { globs: job.input.join(', ') }));
  return all;
}

/** Splits NAME.ru.txt into { stem: 'NAME', lang: 'ru', ext: '.txt' } when ru is one of the languages. */
function parseName(id: string, languages: string[]): { stem: string; lang?: string; ext: string } {
  const m = /^(.*?)(?:\.([a-z]{2,3}))?(\.[^./]+)$/.exec(id);
  if (!m) return { stem: id, ext: '' };
  if (m[2] && languages.includes(m[2])) return { stem: m[1], lang: m[2], ext: m[3] };
  return { stem: m[1] + (m[2] ? '.' + m[2] : ''), ext: m[3] };
}

export function pairDocuments(ids: string[], job: Job): DocTask[] {
  const languages = [...new Set([...job.languages, ...job.pairs.flatMap((p) => [p.src, p.tgt])])];
  const ref = (id: string): DocRef => {
    const path = resolve(job.root, id);
    let fingerprint = 'missing';
    try { const s = statSync(path); fingerprint = `${s.size}:${Math.floor(s.mtimeMs)}`; } catch { /* read stage reports it */ }
    const lang = parseName(id, languages).lang;
    return { id, path, fingerprint, ...(lang ? { declared: lang } : {}) };
  };
  const used = new Set<string>();
  const tasks: DocTask[] = [];
  for (const p of job.pairing.documents) {
    const src = ref(normal(p.src)), tgt = ref(normal(p.tgt));
    const pair = job.pairs.find((x) => x.src === (src.declared ?? x.src) && x.tgt === (tgt.declared ?? x.tgt)) ?? job.pairs[0];
    tasks.push({ src, tgt, pair });
    used.add(src.id); used.add(tgt.id);
  }
  if (job.pairing.by === 'suffix') {
    const byKey = new Map<string, string>();
    for (const id of ids) {
      const { stem, lang, ext } = parseName(id, languages);
      byKey.set(`${stem}\u0000${lang ?? ''}\u0000${ext}`, id);
    }
    for (const id of ids) {
      const { stem, lang, ext } = parseName(id, languages);
      if (!lang || used.has(id)) continue;
      for (const pair of job.pairs.filter((x) => x.tgt === lang)) {
        const srcId = byKey.get(`${stem}\u0000${pair.src}\u0000${ext}`) ?? byKey.get(`${stem}\u0000\u0000${ext}`);
        if (!srcId || used.has(srcId)) continue;
        tasks.push({ src: ref(srcId), tgt: ref(id), pair });
        used.add(srcId); used.add(id);
        break;
      }
    }
  }
  for (const id of ids) if (!used.has(id)) tasks.push({ src: ref(id) });
  return tasks.sort((a, b) => byCodePoint(a.src.id, b.src.id));
}

const normal = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
