// Finding a job's documents and pairing parallel ones. Pairing, in order:
// 1. explicit `pairing.documents` pairs from the job file;
// 2. with `pairing.by: suffix` (the default), the naming convention: for a job pair src-tgt,
//    NAME.<tgt>.EXT is the translation of NAME.<src>.EXT, or of NAME.EXT when there is no
//    NAME.<src>.EXT (seeds/000_x.txt ↔ seeds/000_x.ru.txt);
// every other document is processed alone (its segments have tgt: null until translated).
import { lstat, readdir, realpath, stat, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { escapePath, glob, isDynamicPattern, type FileSystemAdapter } from 'tinyglobby';
import { t } from '../i18n/index.ts';
import { UsageError } from '../cli/errors.ts';
import type { Job } from './job.ts';
import { nameLanguages, parseName } from './names.ts';
import type { DocRef, DocTask } from './types.ts';

/** A found document: its id (the path relative to the job root) and its absolute path. */
export interface Found { id: string; path: string }

/**
 * The job's documents, ids relative to the job root; when inputs lie outside the root (an absolute
 * or ../ glob), relative to the folder that holds them all, so ids never start with '..'.
 */
export async function discoverDocuments(job: Job): Promise<Found[]> {
  const files = await glob(job.input.map((input) => literalPattern(job.root, input) ?? input),
    { cwd: job.root, ignore: [...job.exclude, ...outputIgnore(job)], onlyFiles: true, expandDirectories: false, absolute: true,
      fs: KEEP_EVERY_ENTRY });
  const explicit = job.pairing.documents.flatMap((p) => [p.src, p.tgt]).map((p) => resolve(job.root, p));
  if (!files.length && !explicit.length) throw new UsageError(await noDocuments(job));
  // A file named outright that is not there (a typo among globs that match) was left out without a
  // word, and the exit code said all was well: it is a document, and the read stage says it is missing.
  const missing = job.input.filter((input) => !isDynamicPattern(input) && !pathKind(job.root, input)).map((input) => resolve(job.root, input));
  const paths = [...new Set([...files.map((f) => resolve(f)), ...explicit, ...missing])];
  const base = paths.every((p) => inside(job.root, p)) ? job.root : commonFolder(paths);
  return paths.map((path) => ({ id: normal(relative(base, path)), path })).sort((a, b) => byCodePoint(a.id, b.id));
}

/** The job's own output folder is never input: `--input .` would read its review page as a document. */
const outputIgnore = (job: Job) => (inside(job.root, job.outDir) ? [`${escapePath(normal(relative(job.root, job.outDir)))}/**`] : []);

/**
 * The file system as the glob walks it, with nothing left out. fdir (under tinyglobby) drops a link
 * whose target is gone and anything neither a file nor a folder (a named pipe): a folder's broken
 * link vanished from the batch without a word, and the exit code said all was well. Such entries are
 * documents here, and the read stage names what is wrong with each. (Only the callback forms are
 * given: the glob is asynchronous.)
 */
const KEEP_EVERY_ENTRY = {
  readdir: (path: string, options: { withFileTypes: true }, done: (error: Error | null, entries?: Dirent[]) => void) =>
    readdir(path, options, (error, entries) =>
      done(error, entries && entries.map((e) => (isSpecial(e) ? Object.assign(Object.create(e) as Dirent, { isFile: () => true }) : e)))),
  realpath: (path: string, done: (error: Error | null, resolved?: string) => void) =>
    realpath(path, (error, resolved) => (error ? orLink(path, error, () => done(null, path), done) : done(null, resolved))),
  stat: (path: string, done: (error: Error | null, stats?: Stats) => void) =>
    stat(path, (error, stats) => (error ? orLink(path, error, (link) => done(null, link), done) : done(null, stats))),
} as unknown as FileSystemAdapter;

const isSpecial = (e: Dirent | Stats) => e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice();

/** A broken link (ENOENT, ELOOP) passes as itself; any other error is the walk's. */
function orLink(path: string, error: NodeJS.ErrnoException, asLink: (link: Stats) => void, fail: (error: Error) => void): void {
  if (error.code !== 'ENOENT' && error.code !== 'ELOOP') { fail(error); return; }
  lstat(path, (e, link) => (!e && link.isSymbolicLink() ? asLink(link) : fail(error)));
}

/** What a found path is when it is not a file or a link to one. */
function specialOf(s: Stats): DocRef['special'] {
  if (!isSpecial(s)) return undefined;
  return s.isFIFO() ? 'fifo' : s.isSocket() ? 'socket' : 'device';
}

/**
 * An input that names an existing file or folder is taken as that path, not as a glob (`press
 * [2020]/` holds glob brackets). A folder (`--input docs`, `input: articles/`) stands for the
 * documents in it and its subfolders, in the formats the readers know: "no documents match docs"
 * told a translator nothing, and every file in it would also take in the images and PDFs beside
 * the texts. Anything else is a glob.
 */
function literalPattern(root: string, input: string): string | undefined {
  const kind = pathKind(root, input);
  if (!kind) return undefined;
  return kind === 'folder' ? inFolder(input, `**/*.{${FOLDER_EXTENSIONS.join(',')}}`) : escapePath(input.replace(/\\/g, '/'));
}

/** Whether an input names an existing folder or another existing path; undefined for a glob. */
function pathKind(root: string, input: string): 'folder' | 'path' | undefined {
  try { return statSync(resolve(root, input)).isDirectory() ? 'folder' : 'path'; } catch { return undefined; }
}

/** A glob for the files under a folder input that match `pattern`, the folder's name taken literally. */
function inFolder(folder: string, pattern: string): string {
  const path = escapePath(folder.replace(/\\/g, '/').replace(/(.)\/+$/, '$1'));
  return `${path === '/' ? '' : path}/${pattern}`;
}

/** The job's inputs that are folders. */
const inputFolders = (job: Job) => job.input.filter((input) => pathKind(job.root, input) === 'folder');

/** The files under the job's input folders that match `pattern`, what the job leaves out left out. */
async function inInputFolders(job: Job, pattern: string): Promise<string[]> {
  const folders = inputFolders(job);
  if (!folders.length) return [];
  const files = await glob(folders.map((f) => inFolder(f, pattern)), { cwd: job.root, ignore: [...job.exclude, ...outputIgnore(job)], onlyFiles: true });
  return files.map(normal).sort(byCodePoint);
}

/**
 * Why nothing matched, in one line: a folder of Word or PDF files said only "no documents match docs",
 * so its other files are named (up to three) with the formats tandem reads.
 */
async function noDocuments(job: Job): Promise<string> {
  const globs = job.input.join(', ');
  const others = await inInputFolders(job, '**');
  if (!others.length) return t('run:job.noInputs', { globs });
  const names = others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '');
  return t('run:job.noDocumentsInFolder', { globs, count: others.length, names });
}

/** Document formats a translator may keep beside the texts, which tandem does not read. */
const UNREAD_EXTENSIONS = ['docx', 'doc', 'odt', 'rtf', 'pdf', 'pages', 'epub'].flatMap((e) => [e, e.toUpperCase()]);

/**
 * The files in the job's input folders that look like documents but are in a format tandem does not
 * read (a Word file beside the texts): a folder stands for its .txt, .md and .html files, and the rest
 * used to be left out without a word.
 */
export function unreadDocuments(job: Job): Promise<string[]> {
  return inInputFolders(job, `**/*.{${UNREAD_EXTENSIONS.join(',')}}`);
}

/** Plain text, Markdown and HTML, in the cases people save them in (the readers pick by extension). */
const FOLDER_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml'].flatMap((e) => [e, e.toUpperCase()]);

const inside = (folder: string, path: string) => { const r = relative(folder, path); return !!r && !r.startsWith('..') && !isAbsolute(r); };

function commonFolder(paths: string[]): string {
  let base = dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(base.endsWith(sep) ? base : base + sep))) base = dirname(base);
  return base;
}

export function pairDocuments(found: Found[], job: Job): DocTask[] {
  const languages = nameLanguages(job.languages, job.pairs);
  const ids = found.map((f) => f.id);
  // Each name is split once: pairing asks for it three times, and `ref` once more.
  const names = new Map(ids.map((id) => [id, parseName(id, languages)]));
  // Names compared in one Unicode form: macOS and zip archives write «й» decomposed (и + U+0306), most
  // editors composed, so a translation named on another machine was never paired with its original.
  const keyOf = (stem: string, lang: string, ext: string) => `${stem.normalize('NFC')}\u0000${lang}\u0000${ext}`;
  const pathOf = new Map(found.map((f) => [f.id, f.path]));
  const idOf = new Map(found.map((f) => [f.path, f.id]));
  const ref = (id: string): DocRef => {
    const path = pathOf.get(id) ?? resolve(job.root, id);
    let fingerprint = 'missing', special: DocRef['special'];
    try { const s = statSync(path); fingerprint = `${s.size}:${Math.floor(s.mtimeMs)}`; special = specialOf(s); } catch { /* read stage reports it */ }
    const lang = (names.get(id) ?? parseName(id, languages)).lang;
    return { id, path, fingerprint, ...(lang ? { declared: lang } : {}), ...(special ? { special } : {}) };
  };
  const used = new Set<string>();
  // An original pairs with one translation per language (NAME.txt with NAME.ru.txt and NAME.uk.txt):
  // its outputs are then kept apart by language, each pair's its own XLIFF and TMX. A second one in a
  // language (NAME.ru.txt and NAME.RU.txt) would write over the first's files: it is reported instead.
  const pairedWith = new Map<string, string>();
  /** The target languages each original is paired with by name. */
  const translatedInto = new Map<string, Set<string>>();
  const unpaired = new Map<string, NonNullable<DocTask['unpaired']>>();
  const noteUnpaired = (id: string, original: string) => {
    const other = pairedWith.get(original);
    if (other) unpaired.set(id, { original, pairedWith: other });
  };
  const tasks: DocTask[] = [];
  for (const p of job.pairing.documents) {
    const src = ref(idOf.get(resolve(job.root, p.src)) ?? normal(p.src)), tgt = ref(idOf.get(resolve(job.root, p.tgt)) ?? normal(p.tgt));
    // Names without language suffixes say nothing of the direction: the detect stage finds it from the
    // source's language (a Russian original of an English translation is ru→en in an en-ru job).
    const pair = src.declared || tgt.declared ? job.pairs.find((x) => x.src === (src.declared ?? x.src) && x.tgt === (tgt.declared ?? x.tgt)) : undefined;
    tasks.push({ src, tgt, ...(pair ? { pair } : {}) });
    used.add(src.id); used.add(tgt.id);
    pairedWith.set(src.id, tgt.id);
  }
  if (job.pairing.by === 'suffix') {
    const byKey = new Map<string, string>();
    for (const id of ids) {
      const { stem, lang, ext } = names.get(id)!;
      byKey.set(keyOf(stem, lang ?? '', ext), id);
    }
    for (const id of ids) {
      const { stem, lang, ext } = names.get(id)!;
      if (!lang || used.has(id)) continue;
      for (const pair of job.pairs.filter((x) => x.tgt === lang)) {
        const srcId = byKey.get(keyOf(stem, pair.src, ext)) ?? byKey.get(keyOf(stem, '', ext));
        if (!srcId) continue;
        const into = translatedInto.get(srcId);
        if (used.has(srcId) && (!into || into.has(lang))) { noteUnpaired(id, srcId); continue; }
        tasks.push({ src: ref(srcId), tgt: ref(id), pair });
        used.add(srcId); used.add(id);
        if (!pairedWith.has(srcId)) pairedWith.set(srcId, id);
        translatedInto.set(srcId, (into ?? new Set()).add(lang));
        break;
      }
    }
    // The other way round: a Russian original NAME.txt with its English translation NAME.en.txt in an
    // en-ru job. The unsuffixed file is the original; detection gives the direction (as for explicit
    // pairs), and a "translation" in the original's own language is reported as such.
    for (const id of ids) {
      const { stem, lang, ext } = names.get(id)!;
      if (!lang || used.has(id) || !job.pairs.some((x) => x.src === lang)) continue;
      const srcId = byKey.get(keyOf(stem, '', ext));
      if (!srcId) continue;
      if (used.has(srcId)) { noteUnpaired(id, srcId); continue; }
      tasks.push({ src: ref(srcId), tgt: ref(id) });
      used.add(srcId); used.add(id);
    }
  }
  for (const id of ids) {
    const note = unpaired.get(id);
    if (!used.has(id)) tasks.push({ src: ref(id), ...(note ? { unpaired: note } : {}) });
  }
  return tasks.sort((a, b) => byCodePoint(a.src.id, b.src.id));
}

const normal = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
