// Page structure the readers must keep or leave out: an article inside a wrapper with a chrome word,
// the article's own header and figure, self-closing XHTML elements, HTML blocks and tables inside
// Markdown quotes and lists, <pre> lines, inline scripts, form feeds, street abbreviations.
import { describe, expect, it } from 'vitest';
import { parseDocument, segmentParagraphs } from '../../src/documents/index.ts';

const texts = (source: string, path: string) => parseDocument(source, 'p', path).paragraphs.map((p) => p.text);
const html = (source: string) => texts(source, 'p.html');
/** Sentences as text, and checked against the source: each starts and ends where its text does. */
const sentences = (source: string, path: string, locale = 'en') => {
  const spans = segmentParagraphs(parseDocument(source, 'p', path).paragraphs, locale);
  for (const s of spans) {
    const slice = source.slice(s.start, s.end);
    expect(slice[0], s.text).toBe(s.text[0]);
    expect(slice.at(-1), s.text).toBe(s.text.at(-1));
  }
  return spans.map((s) => s.text);
};

const ARTICLE = '<article class="post"><h2>Teachers join the strike</h2>'
  + '<p>Teachers at several Minsk schools said on Thursday that they would not return to classes.</p>'
  + '<p>The education ministry has not commented.</p></article>';

describe('an article in a wrapper whose class has a chrome word', () => {
  it('keeps the article, and the chrome inside the wrapper still goes', () => {
    const page = `<body><div id="page" class="layout layout--with-sidebar"><div class="content">${ARTICLE}</div>`
      + '<aside class="widget-area"><p>Popular this week</p></aside></div><div class="copyright"><p>© 2020 Minsk Weekly.</p></div></body>';
    expect(html(page)).toEqual(['Teachers join the strike',
      'Teachers at several Minsk schools said on Thursday that they would not return to classes.',
      'The education ministry has not commented.', '© 2020 Minsk Weekly.']);
  });
  it('leaves out a related sidebar of teaser cards, each an article', () => {
    const card = (n: number) => `<article class="card"><h3><a href="/${n}">Story ${n} headline</a></h3><p>A short teaser of story ${n}.</p></article>`;
    const page = `<body>${ARTICLE}<div class="related-stories">${card(1)}${card(2)}${card(3)}</div></body>`;
    expect(html(page).join('\n')).not.toContain('teaser');
  });
  it('leaves out comments, each a long article of its own (WordPress: article.comment-body)', () => {
    const comment = 'This comment is long enough to count as prose, with many words outside links, and it goes on for a while. '.repeat(3);
    const page = `<body>${ARTICLE}<div id="comments" class="comments-area"><ol><li class="comment">`
      + `<article class="comment-body"><p>${comment}</p></article></li></ol></div></body>`;
    expect(html(page).join('\n')).not.toContain('This comment');
  });
});

describe("the article's own parts", () => {
  it('keeps its header, lead, hero figure and an embedded tweet', () => {
    const page = '<body><header class="site-header"><p>Site slogan here</p></header><article>'
      + '<div class="article__header"><p class="article__lead">Thousands gathered in central Minsk.</p></div>'
      + '<p>Body text of the story.</p>'
      + '<div class="social-embed"><blockquote class="twitter-tweet"><p>The crowd is enormous tonight.</p></blockquote></div>'
      + '<figure class="hero-banner"><img src="a.jpg" alt=""><figcaption>Independence Square on Sunday.</figcaption></figure>'
      + '<div class="article-footer"><p>Correction: an earlier version misstated the number.</p></div>'
      + '<div class="share-buttons"><p>Share this story</p></div><div class="cookie-banner"><p>We use cookies</p></div>'
      + '</article><div class="footer"><p>Contact the newsroom</p></div></body>';
    expect(html(page)).toEqual(['Thousands gathered in central Minsk.', 'Body text of the story.', 'The crowd is enormous tonight.',
      'Independence Square on Sunday.', 'Correction: an earlier version misstated the number.']);
  });
  it('still leaves out a social widget that is not an embedded post', () => {
    expect(html('<article><p>Body text of the story.</p><div class="social-links"><p>Follow us everywhere</p></div></article>'))
      .toEqual(['Body text of the story.']);
  });
});

describe('XHTML', () => {
  it('closes self-closing elements', () => {
    const page = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>Before the clip.<span class="icon"/></p>'
      + '<video src="a.mp4" controls="controls"/><p>After the clip.</p><iframe src="x"/><p>The end.</p></article></body></html>';
    expect(texts(page, 'p.xhtml')).toEqual(['Before the clip.', 'After the clip.', 'The end.']);
  });
});

describe('HTML in Markdown quotes and lists', () => {
  it('reads a multi-line HTML block inside a block quote and a list item, with offsets', () => {
    const md = 'Intro.\n\n> <p>Quoted in HTML\n> across two lines.</p>\n\n1. Item\n\n   <figure>\n   <figcaption>Caption in an item.</figcaption>\n   </figure>\n';
    expect(sentences(md, 'p.md')).toEqual(['Intro.', 'Quoted in HTML across two lines.', 'Item', 'Caption in an item.']);
  });
  it('keeps the source end of an entity in an HTML block', () => {
    const md = '<p>He said &laquo;Go&raquo;</p>\n';
    const [s] = segmentParagraphs(parseDocument(md, 'p', 'p.md').paragraphs, 'en');
    expect(md.slice(s.start, s.end)).toBe('He said &laquo;Go&raquo;');
  });
});

describe('GFM tables in Markdown quotes', () => {
  it('splits a quoted table into cells', () => {
    const md = '> | City | Protesters |\n> |------|-----------:|\n> | Minsk | 200,000 |\n';
    expect(sentences(md, 'p.md')).toEqual(['City', 'Protesters', 'Minsk', '200,000']);
  });
});

describe('<pre> and code', () => {
  it('keeps the line ends of <pre> text and drops <pre><code>', () => {
    const page = '<p>Statement:</p><pre>STATEMENT OF THE COMMITTEE\nWe demand new elections\nWe demand a recount</pre>'
      + '<pre><code class="language-python">import requests\nprint(1)</code></pre><p>End.</p>';
    expect(html(page)).toEqual(['Statement:', 'STATEMENT OF THE COMMITTEE\nWe demand new elections\nWe demand a recount', 'End.']);
    expect(sentences(page, 'p.html')).toEqual(['Statement:', 'STATEMENT OF THE COMMITTEE', 'We demand new elections', 'We demand a recount', 'End.']);
  });
  it('drops inline <script> and <style> of a Markdown paragraph', () => {
    const md = 'Workers gathered <script>trackEvent("gate", {id: 42});</script> before noon.\n\nThe chart <style>.c{width:100%}</style> shows turnout.\n';
    expect(texts(md, 'p.md')).toEqual(['Workers gathered before noon.', 'The chart shows turnout.']);
  });
  it('drops the words of inline chrome in Markdown, as the HTML reader does', () => {
    const md = 'Слово<span class="sr-only"> скрытое <span>вложенное</span></span> и дальше, <span class="note">видимое</span>.\n';
    expect(sentences(md, 'p.md', 'ru')).toEqual(['Слово и дальше, видимое.']);
  });
});

describe('plain text', () => {
  it('starts a paragraph at a form feed', () => {
    const text = 'Page one ends here.\n\fPage two starts here.\n';
    expect(texts(text, 'p.txt')).toEqual(['Page one ends here.', 'Page two starts here.']);
    expect(sentences(text, 'p.txt')).toEqual(['Page one ends here.', 'Page two starts here.']);
  });
  it('reads a date header glued to the first word', () => {
    const doc = parseDocument('date 2020-08-19Шахтёры не вышли на работу.\n', 'p', 'p.txt');
    expect(doc.date).toBe('2020-08-19');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Шахтёры не вышли на работу.']);
  });
});

describe('HTML legend', () => {
  it('is a block of its own', () => {
    expect(html('<fieldset><legend>Poll</legend>Do you support the strike?</fieldset>')).toEqual(['Poll', 'Do you support the strike?']);
  });
});

describe('street abbreviations', () => {
  it('keep the house number', () => {
    expect(sentences('The plant is at Partizansky Ave. 150, Minsk.', 'p.txt')).toEqual(['The plant is at Partizansky Ave. 150, Minsk.']);
    expect(sentences('The rally on Independence Ave. 8 p.m. was peaceful.', 'p.txt')).toEqual(['The rally on Independence Ave. 8 p.m. was peaceful.']);
    expect(sentences('Nezavisimosti Ave. 4 is the address. Come.', 'p.txt')).toEqual(['Nezavisimosti Ave. 4 is the address.', 'Come.']);
    expect(sentences('They live on Fifth Ave. The rent is high.', 'p.txt')).toEqual(['They live on Fifth Ave.', 'The rent is high.']);
  });
});

describe('a Markdown footnote of two paragraphs', () => {
  it('keeps the indented second paragraph, which CommonMark reads as code, and still drops code', () => {
    const source = 'Text with a note.[^long]\n\n[^long]: The first paragraph of the note.\n\n    The second paragraph of the note goes on.\n\n'
      + '```\nconst x = 1;\n```\n\n    indented code alone\n';
    expect(sentences(source, 'p.md')).toEqual(['Text with a note.', 'The first paragraph of the note.', 'The second paragraph of the note goes on.']);
  });
});
