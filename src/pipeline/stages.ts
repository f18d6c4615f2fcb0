// The work of each stage of the per-document machine: context in, the stage's result out. Stages
// call other stages' public APIs (documents, language, glossary, align, translate) and nothing else.
import { alignDocuments, prepareAlignment } from '../align/index.ts';
import { DocumentError, hasWords, readDocument, segmentParagraphs, type RawSentence } from '../documents/index.ts';
import { normalize, type Matcher } from '../glossary/index.ts';
import { detectDocumentSentences, documentLanguage, scanDocument, USUAL_LANGUAGES, type DocumentScan } from '../language/index.ts';
import type { TranslationProvider } from '../translate/index.ts';
import type { Glossary, Lang, Segment, Sentence } from '../types.ts';
import { segmentProblem } from '../export/index.ts';
import { documentOutput } from './output.ts';
import { sortKeys } from './report.ts';
import { pairSegments, singleSegments, UNTRANSLATED } from './segments.ts';
import type { DocContext, DocRef, NormalSentence, StageSettings } from './types.ts';

/** What stages need besides plain data; rebuilt from the job wherever a machine runs. */
export interface StageDeps {
  glossary: Glossary;
  matcher: Matcher;
  provider: TranslationProvider;
}

export const STAGES = ['read', 'segment', 'detect', 'normalise', 'align', 'translate', 'emit'] as const;
export type StageName = (typeof STAGES)[number];

// Each stage returns `undefined` for the data nobody after it needs, so snapshots stay small.

/** A found document, unless it is no file at all: opening a named pipe waits for a writer forever. */
function readRef(ref: DocRef, limits: StageSettings['limits']) {
  if (ref.special) throw new DocumentError('notAFile', { context: ref.special });
  return readDocument(ref.path, ref.id, limits);
}

/**
 * Reads the document and its translation. A translation that cannot be used (empty, binary, not
 * UTF-8: often a file made ahead of the translator's work) does not cost the source its output: the
 * source goes on alone, as an unpaired document, and the problem is reported under its name.
 */
export async function readStage(ctx: DocContext): Promise<Pick<DocContext, 'read' | 'problems'>> {
  const { task, settings } = ctx.input;
  const src = await readRef(task.src, settings.limits);
  if (task.unpaired) {
    const problem = new DocumentError('pairedElsewhere', { doc: task.src.id, ...task.unpaired });
    return { read: { src }, problems: [{ ...problem.toFailure(), stage: 'read' }] };
  }
  if (!task.tgt) return { read: { src } };
  try {
    return { read: { src, tgt: await readRef(task.tgt, settings.limits) } };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    const problem = DocumentError.inTarget(task.tgt.id, error);
    return { read: { src }, problems: [{ ...problem.toFailure(), stage: 'read' }] };
  }
}

export async function segmentStage(ctx: DocContext): Promise<Pick<DocContext, 'segmented' | 'read' | 'summary'>> {
  const read = ctx.read!;
  const src = segmentParagraphs(read.src.paragraphs);
  if (!src.some((s) => hasWords(s.text))) throw new DocumentError('noText');
  const tgt = read.tgt ? segmentParagraphs(read.tgt.paragraphs) : undefined;
  return { segmented: { src, ...(tgt ? { tgt } : {}) }, read: undefined,
    summary: { paragraphs: read.src.paragraphs.length, sentences: src.length, tgtSentences: tgt?.length ?? 0,
      ...(read.src.date ? { date: read.src.date } : {}) } };
}

export async function detectStage(ctx: DocContext): Promise<Pick<DocContext, 'detected' | 'segmented' | 'summary' | 'problems'>> {
  const { task, settings } = ctx.input;
  const seg = ctx.segmented!;
  // Each sentence is read once; the document's language and every detection below reuse that.
  const scan = scanDocument(seg.src, settings.languages);
  const docLang = languageOf(scan, settings, task.src.declared);
  if (!settings.languages.includes(docLang)) {
    throw new DocumentError('outsideLanguages', { lang: widerLanguage(seg.src, settings) ?? docLang, languages: settings.languages.join(', ') });
  }
  const srcLang = task.pair?.src ?? docLang;
  let tgtLang = task.pair?.tgt ?? targetLanguage(docLang, settings);
  const src = detectSentences(seg.src, scan, settings, srcLang);
  let tgtScan = seg.tgt && scanDocument(seg.tgt, settings.languages);
  // A "translation" in the source's own language is a copy saved under the translation's name (or a
  // file not yet translated): aligned, it would fill the TMX with en→en units labelled en→ru. One in
  // a third language (Ukrainian saved as NAME.ru.txt) would fill it with Ukrainian labelled Russian.
  // The source goes on alone and the problem is reported, as for a translation that cannot be read.
  let problems = ctx.problems;
  const found = tgtScan && seg.tgt && srcLang !== tgtLang ? (widerLanguage(seg.tgt, settings) ?? documentLanguage(tgtScan)) : undefined;
  if (found && !task.pair && settings.pairs.some((p) => p.src === srcLang && p.tgt === found)) tgtLang = found;
  const problem = !found || found === tgtLang || found === 'und' ? undefined
    : found === srcLang ? new DocumentError('untranslatedTarget', { doc: task.tgt!.id, lang: srcLang })
      : new DocumentError('wrongTargetLanguage', { doc: task.tgt!.id, lang: found, expected: tgtLang });
  if (problem) {
    problems = [...(problems ?? []), { ...problem.toFailure(), stage: 'detect' }];
    tgtScan = undefined;
  }
  const tgt = seg.tgt && tgtScan ? detectSentences(seg.tgt, tgtScan, settings, task.tgt?.declared ?? tgtLang) : undefined;
  const languages: Record<Lang, number> = {};
  for (const x of src) languages[x.lang] = (languages[x.lang] ?? 0) + x.text.length;
  if (tgt) for (const x of tgt) languages[x.lang] = (languages[x.lang] ?? 0) + x.text.length;
  const summary = { ...ctx.summary!, srcLang, tgtLang, languages: sortKeys(languages) };
  return { detected: { src, ...(tgt ? { tgt } : {}), srcLang, tgtLang, languages: summary.languages }, segmented: undefined, summary,
    ...(problems ? { problems } : {}) };
}

/**
 * The document's language among tandem's usual ones too, when the job leaves some out: in an en-ru job
 * a Ukrainian document was named Bulgarian (the nearest language the narrower detector saw), and a
 * Ukrainian "translation" passed as Russian. Undefined when the job already has them all (nothing to add).
 */
function widerLanguage(sentences: RawSentence[], settings: StageSettings): Lang | undefined {
  const wider = [...new Set([...settings.languages, ...USUAL_LANGUAGES])];
  return wider.length === settings.languages.length ? undefined : documentLanguage(scanDocument(sentences, wider));
}

/** The document's language (see the language stage's documentLanguage); a declared one (NAME.ru.txt) is trusted. */
function languageOf(scan: DocumentScan, settings: StageSettings, declared?: Lang): Lang {
  return declared && settings.languages.includes(declared) ? declared : documentLanguage(scan);
}

/**
 * Languages of sentences through the language stage's document detector: every paragraph and
 * sentence leans on the document's distribution, so "Leave!" in an English article is English and a
 * quoted Russian tweet is Russian. `scan` holds our sentences (joined by a space into paragraph
 * text), so its detections line up with them one to one and nothing is split twice. 'und' units
 * (signatures, numbers) take the document's language.
 */
function detectSentences(raw: RawSentence[], scan: DocumentScan, settings: StageSettings, docLang: Lang): Sentence[] {
  const detections = detectDocumentSentences(scan, { languages: settings.languages, prior: { [docLang]: 1 } });
  const out: Sentence[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    const d = detections[i];
    const und = d.lang === 'und';
    out.push({ id: s.id, para: s.para, text: s.text, start: s.start, end: s.end, lang: und ? docLang : d.lang, confidence: und ? 0 : d.confidence });
  }
  return out;
}

/** Target language of a single document: the job pair it is the source of, else the reverse of one. */
export function targetLanguage(lang: Lang, settings: StageSettings): Lang {
  const forward = settings.pairs.find((p) => p.src === lang);
  if (forward) return forward.tgt;
  const backward = settings.pairs.find((p) => p.tgt === lang);
  if (backward) return backward.src;
  return settings.pairs[0]?.tgt ?? 'und';
}

export function normaliseStage(ctx: DocContext, deps: StageDeps): Pick<DocContext, 'normalized' | 'detected'> {
  const d = ctx.detected!;
  const side = (sentences: Sentence[]): NormalSentence[] => sentences.map((s) => {
    const n = normalize(s.text, s.lang, deps.matcher, deps.glossary);
    // Not `{ ...s, normalized, … }`: on Node 20 a spread followed by new keys costs some 5 µs an object
    // (measured: 100 ms over the bench's 17,000 sentences); Object.assign gives the same object and key order.
    return Object.assign({}, s, { normalized: n.text, changes: n.changes, terms: n.matches });
  });
  return { normalized: { src: side(d.src), ...(d.tgt ? { tgt: side(d.tgt) } : {}), srcLang: d.srcLang, tgtLang: d.tgtLang,
    languages: d.languages }, detected: undefined };
}

export async function alignStage(ctx: DocContext, deps: StageDeps): Promise<Pick<DocContext, 'segments' | 'normalized' | 'problems'>> {
  const { task, settings } = ctx.input;
  const n = ctx.normalized!;
  if (!task.tgt || !n.tgt) return { segments: singleSegments(task.src, n.src, n.srcLang), normalized: undefined };
  // The normalise stage matched the glossary in every sentence already: the aligner takes those entries.
  const entries = (sentences: NormalSentence[]) => sentences.map((s) => s.terms.map((m) => m.entry));
  const src = byParagraph(n.src), tgt = byParagraph(n.tgt);
  const languages = { srcLang: n.srcLang, tgtLang: n.tgtLang };
  await prepareAlignment(src.flat(), tgt.flat(), languages);
  let parallel = true;
  const beads = alignDocuments(src, tgt, { ...languages, glossary: deps.matcher, glossaryEntries: { src: entries(n.src), tgt: entries(n.tgt) },
    onEvidence: (evidence) => { parallel = evidence?.parallel ?? true; } });
  // Two files paired by name that are not translations of each other (a letter saved as the news
  // item's .ru.txt) are still aligned, every pairing flagged; `tandem align` warned, a batch said nothing.
  const segments = pairSegments({ doc: task.src, sentences: n.src, lang: n.srcLang },
    { doc: task.tgt, sentences: n.tgt, lang: n.tgtLang }, beads, settings.lowConfidence);
  // A translation left half done (its last paragraphs still in the source language) pairs English with
  // English at 0.98: those pairings are flagged, kept out of the TMX and XLIFF's translated state, and said.
  const untranslated = segments.filter((s) => s.flags?.includes(UNTRANSLATED)).map((s) => s.id);
  const problems = [
    ...(parallel ? [] : [new DocumentError('notParallel', { doc: task.tgt.id })]),
    ...(untranslated.length ? [new DocumentError('partlyUntranslated', { doc: task.tgt.id, count: untranslated.length,
      lang: n.srcLang, segments: untranslated.slice(0, 3).join(', ') + (untranslated.length > 3 ? ', …' : '') })] : []),
  ];
  return { segments, normalized: undefined,
    ...(problems.length ? { problems: [...(ctx.problems ?? []), ...problems.map((p) => ({ ...p.toFailure(), stage: 'align' }))] } : {}) };
}

/** Sentence texts grouped by paragraph, every paragraph present (empty ones keep indexes right). */
function byParagraph(sentences: NormalSentence[]): string[][] {
  const groups: string[][] = [];
  let last = -1;
  for (const s of sentences) {
    if (s.para !== last) { groups.push([]); last = s.para; }
    groups[groups.length - 1].push(s.text);
  }
  return groups;
}

export async function translateStage(ctx: DocContext, deps: StageDeps): Promise<Pick<DocContext, 'segments'>> {
  const tgtLang = ctx.summary!.tgtLang!;
  const segments = ctx.segments!;
  const todo = segments.map((s, k) => ({ s, k })).filter(({ s }) => !s.tgt && s.src.text && s.src.lang !== tgtLang);
  if (!todo.length || deps.provider.name === 'none') return { segments };
  const answers = await deps.provider.translate(todo.map(({ s }) =>
    ({ id: `${s.doc}#${s.id}`, text: s.src.text, srcLang: s.src.lang, tgtLang })));
  const out: Segment[] = [...segments];
  todo.forEach(({ s, k }, i) => {
    const a = answers[i];
    if (!a) return;
    out[k] = { ...s, tgt: { lang: tgtLang, text: a.text }, score: a.score ?? null, origin: a.origin,
      ...(a.detail ? { originDetail: a.detail } : {}) };
  });
  return { segments: out };
}

/**
 * The document's record for the outputs: its segments checked against the shape every writer and
 * reader relies on (a stage that produced a malformed segment fails this document, not the batch's
 * output files), ids unique, and the figures report.json shows.
 */
export function emitStage(ctx: DocContext): Pick<DocContext, 'result' | 'segments'> {
  const seen = new Set<string>();
  for (const segment of ctx.segments ?? []) {
    const problem = segmentProblem(segment) ?? (seen.has(segment.id) ? `duplicate segment id` : undefined);
    if (problem) throw new Error(`segment ${segment.id}: ${problem}`);
    seen.add(segment.id);
  }
  return { result: documentOutput(ctx), segments: undefined };
}
