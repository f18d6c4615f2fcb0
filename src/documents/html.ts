// HTML: markup stripped, one paragraph per block element (p, li, h1-h6, td, blockquote, ...), text of
// script/style/template/title and of controls dropped, entities decoded, and page chrome left out (see
// chrome.ts): a saved news page brings its menus, cookie banner, share buttons and footer with it.
// htmlparser2 is fast, forgiving with broken markup and reports source positions, which the offsets
// of every sentence are traced back to; it streams, so chrome is decided per element as it opens and
// the paragraphs inside one are dropped at the end unless it turned out to hold the story.
import { Parser } from 'htmlparser2';
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';
import { chromeKind, isEmbeddedPost, isStory, namedChrome, NOT_PROSE, SECTIONING } from './chrome.ts';
import { calendarDay } from './text.ts';

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul']);
/** Elements between words; not <wbr>, a break opportunity inside a word (or a long link). */
const SEPARATING = new Set(['img', 'input']);
const WORD = /\p{L}{2,}/gu;
const LETTER = /[\p{L}\p{N}]/u;

/** What the reader knows of a paragraph to tell chrome from story. */
interface Traits {
  /** Chrome elements around it (ids into `kept`). */
  regions: number[];
  /** The innermost list it is in, or -1. */
  list: number;
  links: number;
  /** Whether it has letters (or digits) yet. */
  letters: boolean;
  /** Whether it has letters (or digits) outside links. */
  plainLetters: boolean;
  /** Words outside links. */
  plainWords: number;
  /** Whether its first letters are outside a link (a label: "Share:", "Теги:"). */
  labelFirst: boolean;
}

interface Frame {
  region: number; list: boolean; link: boolean; section: boolean; skip: boolean; article: boolean; pre: boolean;
  /** An h1's chrome regions and the paragraph count when it opened: it keeps them if it holds words of its own. */
  heading?: { regions: number[]; paragraphs: number };
}

/**
 * An article or main open now: the chrome regions open around it, the prose found in it so far, and
 * whether its own class or id names chrome (WordPress's <article class="comment-body">), which keeps no wrapper.
 */
interface Article { base: number; words: number; prose: number; chrome: boolean }

/**
 * An article that holds the story rather than a teaser (a card in a "related" box: a headline and a
 * line): this many words outside links, or this many paragraphs of prose (PROSE_WORDS words or more,
 * ending a sentence). It keeps a wrapper whose class has a chrome word ("layout--with-sidebar").
 */
const STORY_WORDS = 50;
const STORY_PARAGRAPHS = 2;
const PROSE_WORDS = 4;
const SENTENCE_END = /[.!?…][»"”’)\]]*$/;
/** Line ends in <pre> text, and blank lines, which end a paragraph there as in plain text. */
const PRE_LINES = /\n(?:[ \t\r]*\n)*/g;

export interface HtmlOptions {
  /** XHTML: a self-closing tag (<video/>, <iframe/>) closes its element, which in HTML it does not. */
  xhtml?: boolean;
}

/** Meta tags that give an article's publication date (Open Graph, schema.org, Dublin Core, plain). */
const DATE_META = new Set(['article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created',
  'pubdate', 'publishdate', 'og:published_time']);

export function readHtml(source: string, options: HtmlOptions = {}): { date?: string; paragraphs: SourceParagraph[] } {
  let date: string | undefined; // from a date meta tag, else the story's first <time datetime>
  const builder = new ParagraphBuilder();
  const traits: Traits[] = [];
  const kept: boolean[] = []; // per chrome element: whether it holds the story
  const byName: boolean[] = []; // per chrome element: whether only its class or id made it chrome
  const regions: number[] = []; // chrome elements open now
  const lists: number[] = [];
  const stack: Frame[] = [];
  const articles: Article[] = [];
  let listCount = 0, skipping = 0, links = 0, sections = 0, breaks = 0, pre = 0;
  let counts = { links: 0, letters: false, plainLetters: false, plainWords: 0, labelFirst: false };
  const close = () => {
    const n = builder.paragraphs.length;
    builder.close();
    if (builder.paragraphs.length > n) {
      traits.push({ regions: regions.slice(), list: lists.at(-1) ?? -1, ...counts });
      const prose = counts.plainWords >= PROSE_WORDS && SENTENCE_END.test(builder.paragraphs[n].text);
      // Prose of an article counts where no chrome element inside it holds the paragraph.
      for (const a of articles) if (regions.length === a.base) { a.words += counts.plainWords; if (prose) a.prose++; }
    }
    counts = { links: 0, letters: false, plainLetters: false, plainWords: 0, labelFirst: false };
    breaks = 0;
  };
  const parser = new Parser({
    onopentag(name, attribs) {
      const frame: Frame = { region: -1, list: false, link: false, section: SECTIONING.has(name),
        skip: NOT_PROSE.has(name) || (name === 'code' && pre > 0), article: name === 'article' || name === 'main', pre: name === 'pre' };
      if (name === 'meta' && DATE_META.has((attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase())) {
        date = calendarDay(attribs.content) ?? date;
      } else if (name === 'time' && date === undefined && regions.length === 0) date = calendarDay(attribs.datetime);
      let kind: 'element' | 'name' | undefined;
      // An h1 keeps the chrome around it once it is seen to hold words outside links: a site's logo in
      // an h1 ("<h1><a>The Minsk Observer</a></h1>") kept the whole masthead and its tagline.
      if (name === 'h1') frame.heading = { regions: regions.slice(), paragraphs: builder.paragraphs.length };
      else if (isStory(name, attribs)) for (const r of regions) kept[r] = true;
      else if (articles.length && isEmbeddedPost(name, attribs)) for (const r of regions.slice(articles.at(-1)!.base)) kept[r] = true;
      else if ((kind = chromeKind(name, attribs, { inSection: sections > 0, inArticle: articles.length > 0 }))) {
        if (BLOCK.has(name) || name === 'menu') {
          close();
          frame.region = kept.push(false) - 1;
          byName[frame.region] = kind === 'name';
          regions.push(frame.region);
        } else frame.skip = true; // inline ("<span class=sr-only>", a hidden <span>): its words go, the sentence around it stays whole
      }
      if (frame.article) { close(); articles.push({ base: regions.length, words: 0, prose: 0, chrome: namedChrome(attribs, articles.length > 0) }); }
      if (frame.pre) pre++;
      if (frame.skip) skipping++;
      if (frame.section) sections++;
      if (name === 'ul' || name === 'ol') { frame.list = true; lists.push(listCount++); }
      if (name === 'a' && attribs.href !== undefined) { frame.link = true; links++; counts.links++; }
      stack.push(frame);
      if (BLOCK.has(name)) close();
      else if (name === 'br') {
        if (++breaks === 2) close(); // <br><br>: the paragraph break of older CMSs
        else builder.lineBreak();
      } else if (SEPARATING.has(name)) builder.separate();
    },
    onclosetag(name) {
      const frame = stack.pop();
      if (BLOCK.has(name)) close();
      if (!frame) return;
      if (frame.skip) skipping--;
      if (frame.section) sections--;
      if (frame.list) lists.pop();
      if (frame.link) links--;
      if (frame.pre) pre--;
      if (frame.heading && builder.paragraphs.length > frame.heading.paragraphs && traits.at(-1)!.plainWords > 0) {
        for (const r of frame.heading.regions) kept[r] = true;
      }
      if (frame.article) {
        close();
        const a = articles.pop()!;
        // An article of prose is the story: the chrome words of wrappers around it were unlucky names.
        if (!a.chrome && (a.words >= STORY_WORDS || a.prose >= STORY_PARAGRAPHS)) for (const r of regions) if (byName[r]) kept[r] = true;
      }
      if (frame.region >= 0) { close(); regions.pop(); }
    },
    ontext(text) {
      if (skipping > 0) return;
      if (pre > 0 && text.includes('\n')) appendPre(text, parser.startIndex, parser.endIndex + 1);
      else builder.append(text, parser.startIndex, parser.endIndex + 1);
      if (!LETTER.test(text)) return;
      breaks = 0;
      if (!counts.letters) { counts.letters = true; counts.labelFirst = links === 0; }
      if (links === 0) { counts.plainLetters = true; counts.plainWords += text.match(WORD)?.length ?? 0; }
    },
  }, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: options.xhtml === true });
  // <pre> text keeps its line ends as line breaks (a statement's lines, a poem), and a blank line ends a paragraph.
  const appendPre = (text: string, start: number, end: number) => {
    let from = 0;
    for (const m of text.matchAll(PRE_LINES)) {
      if (m.index > from) builder.append(text.slice(from, m.index), start + from);
      if (m[0].length > 1 && m.index + m[0].length < text.length) close(); else builder.lineBreak();
      from = m.index + m[0].length;
    }
    if (from < text.length) builder.append(text.slice(from), start + from, end);
  };
  parser.end(source);
  close();
  const paragraphs = storyParagraphs(builder.paragraphs, traits, kept);
  return date ? { date, paragraphs } : { paragraphs };
}

/** Whether a paragraph's words outside links are a short label before a colon that opens it. */
function labelOnly(text: string, t: Traits): boolean {
  if (!t.labelFirst || t.plainWords > 3) return false;
  const label = LABEL.exec(text);
  return label !== null && (label[1].match(WORD)?.length ?? 0) === t.plainWords;
}
const LABEL = /^([\p{L} ]{2,30}):/u;

/**
 * The paragraphs that are not chrome: outside chrome elements (or in one that holds the story), not a
 * row of links ("World | Business | Opinion", "Share: Facebook Twitter"), not an item of a list of
 * nothing but links (related stories). A page where that leaves nothing is all kept.
 */
function storyParagraphs(paragraphs: SourceParagraph[], traits: Traits[], kept: boolean[]): SourceParagraph[] {
  const linkOnly = (t: Traits) => t.links > 0 && !t.plainLetters;
  const listSize = new Map<number, number>();
  const linkList = new Map<number, boolean>();
  for (const t of traits) {
    if (t.list < 0) continue;
    listSize.set(t.list, (listSize.get(t.list) ?? 0) + 1);
    linkList.set(t.list, (linkList.get(t.list) ?? true) && linkOnly(t));
  }
  const story = paragraphs.filter((p, i) => {
    const t = traits[i];
    if (t.regions.some((r) => !kept[r])) return false;
    // Links with nothing else, or after a label ("Share:", "Read more:", «Читайте также:») whose words
    // are all the words outside links; "Lukashenko met Putin" with two links is prose.
    if (t.links >= 2 && (t.plainWords === 0 || (t.plainWords === 1 && t.labelFirst) || labelOnly(p.text, t))) return false;
    return !(t.list >= 0 && linkList.get(t.list) && listSize.get(t.list)! >= 2);
  });
  if (!story.length) return paragraphs;
  story.forEach((p, i) => { p.index = i; });
  return story;
}
