// TBX-Basic (ISO 30042:2019, DCA style) import and export. conceptEntry/@id is the entry id and
// termNote[@type=administrativeStatus] the term status. tandem's own facts that TBX-Basic has no data
// category for (entry type, term shape, indeclinable) travel in <note> elements as "tandem:key=value",
// so an export re-imports to the same glossary and still validates against basic.rng.
// XML plumbing (escaping, line-aware parsing) is shared with the TMX/XLIFF writers of src/export.
import { attr, children, escapeAttr, escapeText, parseXml, rootElement, tagOf, textOf, type XmlNode } from '../export/xml.ts';
import { t } from '../i18n/index.ts';
import type { GlossaryEntry, Term, TermStatus } from '../types.ts';
import { GlossaryError } from './errors.ts';
import { shapeOf } from './variants.ts';

const NS = 'urn:iso:std:iso:30042:ed-2';
const STATUS_TO_TBX: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts', admitted: 'admittedTerm-admn-sts', deprecated: 'deprecatedTerm-admn-sts',
};
const TBX_TO_STATUS: Record<string, TermStatus> = {
  'preferredterm-admn-sts': 'preferred', 'admittedterm-admn-sts': 'admitted', 'deprecatedterm-admn-sts': 'deprecated',
  'supersededterm-admn-sts': 'deprecated', preferredterm: 'preferred', admittedterm: 'admitted', deprecatedterm: 'deprecated',
};
const GENDERS: Record<string, Term['gender']> = { feminine: 'f', masculine: 'm', neuter: 'n' };
const GENDER_TO_TBX = { f: 'feminine', m: 'masculine', n: 'neuter' } as const;
/** TBX-Basic termType values for our shapes, so other tools see acronyms and short forms. */
const SHAPE_TO_TERMTYPE: Record<string, string> = { acronym: 'acronym', fullName: 'fullForm', surname: 'shortForm' };

const tandemNotes = (node: XmlNode) => new Map(children(node, 'note').map((n) => textOf(n).trim())
  .filter((s) => s.startsWith('tandem:')).map((s) => { const [k, v = 'true'] = s.slice(7).split('='); return [k, v] as const; }));

export function parseTbx(text: string, file: string): GlossaryEntry[] {
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(text, file);
  } catch (error) {
    const e = error as { line?: number; message: string };
    throw new GlossaryError(file, e.line, t('glossary:errors.notXml', { reason: e.message.replace(/^[^:]*:\d+: /, '') }));
  }
  const root = rootElement(doc);
  if (!root || tagOf(root)?.replace(/^.*:/, '') !== 'tbx') throw new GlossaryError(file, root ? doc.lineOf(root) : 1, t('glossary:errors.notTbx'));
  const body = children(root, 'text').flatMap((t) => children(t, 'body'));
  const entries: GlossaryEntry[] = [];
  for (const ce of body.flatMap((b) => children(b, 'conceptEntry'))) {
    const line = doc.lineOf(ce);
    const id = attr(ce, 'id');
    if (!id) throw new GlossaryError(file, line, t('glossary:errors.noId'));
    const notes = tandemNotes(ce);
    const entry: GlossaryEntry = { id, terms: [] };
    const type = notes.get('type');
    if (type) entry.type = type;
    const definition = children(ce, 'descrip').find((d) => attr(d, 'type') === 'definition');
    const plain = children(ce, 'note').map((n) => textOf(n).trim()).filter((s) => !s.startsWith('tandem:'));
    if (definition || plain.length) entry.note = [definition ? textOf(definition).trim() : '', ...plain].filter(Boolean).join(' ');
    for (const ls of children(ce, 'langSec')) {
      const lang = attr(ls, 'xml:lang');
      if (!lang) throw new GlossaryError(file, doc.lineOf(ls), t('glossary:errors.noLang', { id }));
      const terms: Array<Term & { explicit: boolean }> = [];
      for (const ts of children(ls, 'termSec')) {
        const termNode = children(ts, 'term')[0];
        const termText = termNode ? textOf(termNode).trim() : '';
        if (!termText) throw new GlossaryError(file, doc.lineOf(ts), t('glossary:errors.noTerm', { id }));
        const note = (type: string) => children(ts, 'termNote').find((n) => attr(n, 'type') === type);
        const statusNode = note('administrativeStatus');
        const rawStatus = statusNode ? textOf(statusNode).trim().toLowerCase() : '';
        if (rawStatus && !TBX_TO_STATUS[rawStatus]) throw new GlossaryError(file, doc.lineOf(statusNode!), t('glossary:errors.badTbxStatus', { status: rawStatus }));
        const term: Term & { explicit: boolean } = { text: termText, lang, status: TBX_TO_STATUS[rawStatus] ?? 'admitted', explicit: !!rawStatus };
        const genderNode = note('grammaticalGender');
        const gender = genderNode ? GENDERS[textOf(genderNode).trim().toLowerCase()] : undefined;
        if (gender) term.gender = gender;
        const termNotes = tandemNotes(ts);
        const termType = note('termType') ? textOf(note('termType')!).trim() : '';
        const shape = termNotes.get('shape') ?? (termType === 'acronym' ? 'acronym' : undefined);
        if (shape) term.shape = shape;
        if (termNotes.get('indeclinable') === 'true') term.indeclinable = true;
        const usage = children(ts, 'note').map((n) => textOf(n).trim()).filter((x) => x && !x.startsWith('tandem:'));
        if (usage.length) term.note = usage.join(' ');
        terms.push(term);
      }
      // A term without a status is the language's preferred term when no other term claims to be.
      if (!terms.some((t) => t.status === 'preferred')) {
        const first = terms.find((t) => !t.explicit);
        if (first) first.status = 'preferred';
      }
      entry.terms.push(...terms.map(({ explicit: _explicit, ...t }) => t));
    }
    if (!entry.terms.length) throw new GlossaryError(file, line, t('glossary:errors.noTerms', { id }));
    entries.push(entry);
  }
  return entries;
}

/** Writes entries as TBX-Basic (DCA style), valid against ../shared/specs/tbx/basic.rng. */
export function toTbx(entries: GlossaryEntry[], options: { title?: string; lang?: string } = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${escapeAttr(options.lang ?? 'en')}" xmlns="${NS}">`,
    '  <tbxHeader>', '    <fileDesc>',
    `      <sourceDesc><p>${escapeText(options.title ?? 'tandem glossary')}</p></sourceDesc>`,
    '    </fileDesc>', '  </tbxHeader>', '  <text>', '    <body>',
  ];
  for (const entry of entries) {
    out.push(`      <conceptEntry id="${escapeAttr(xmlId(entry.id))}">`);
    if (entry.note) out.push(`        <descrip type="definition">${escapeText(entry.note)}</descrip>`);
    if (entry.type) out.push(`        <note>tandem:type=${escapeText(entry.type)}</note>`);
    const langs = [...new Set(entry.terms.map((t) => t.lang))];
    for (const lang of langs) {
      out.push(`        <langSec xml:lang="${escapeAttr(lang)}">`);
      for (const term of entry.terms.filter((t) => t.lang === lang)) {
        out.push('          <termSec>', `            <term>${escapeText(term.text)}</term>`);
        out.push(`            <termNote type="administrativeStatus">${STATUS_TO_TBX[term.status]}</termNote>`);
        if (term.gender) out.push(`            <termNote type="grammaticalGender">${GENDER_TO_TBX[term.gender]}</termNote>`);
        const shape = shapeOf(term, entry);
        if (SHAPE_TO_TERMTYPE[shape]) out.push(`            <termNote type="termType">${SHAPE_TO_TERMTYPE[shape]}</termNote>`);
        if (term.shape) out.push(`            <note>tandem:shape=${escapeText(term.shape)}</note>`);
        if (term.indeclinable) out.push('            <note>tandem:indeclinable=true</note>');
        if (term.note) out.push(`            <note>${escapeText(term.note)}</note>`);
        out.push('          </termSec>');
      }
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  }
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}

/** conceptEntry/@id is an xs:ID (an NCName): glossary ids like "2020-election" get a prefix. */
function xmlId(id: string): string {
  const clean = id.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return /^[\p{L}_]/u.test(clean) ? clean : `_${clean}`;
}
