import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredEncoding, parseDocument, readDocument, segmentParagraphs } from '../../src/documents/index.ts';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;
const texts = (html: string) => parseDocument(html, 'p', 'p.html').paragraphs.map((p) => p.text);

describe('HTML news page', () => {
  // A saved article page of our own writing: head, cookie banner, site header with menu and search,
  // share links, the story (headline, byline, paragraphs, figure, tweet embed, list, table), hidden
  // and template elements, a related-stories aside and the site footer.
  const path = fixture('news-page.html');
  const source = readFileSync(path, 'utf8');
  const doc = parseDocument(source, 'news', path);
  const all = doc.paragraphs.map((p) => p.text).join('\n');

  it('leaves out menus, the cookie banner, share links, buttons, hidden text, related links and the footer', () => {
    for (const chrome of ['cookies', 'Accept all', 'World', 'Opinion', 'Search', 'Share on Facebook', 'Subscribe to our newsletter',
      'Tracking pixel', 'Template content', 'Related stories', 'EU prepares sanctions', 'All rights reserved', 'About us', 'schema.org',
      'dataLayer', 'cdata']) {
      expect(all, chrome).not.toContain(chrome);
    }
  });
  it('keeps every paragraph of the story, with captions, tweets and their signatures as paragraphs of their own', () => {
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      'Factory workers walk out in Minsk as protests enter a sixth day',
      'By Jane Doe · 14 August 2020',
      expect.stringMatching(/^Thousands of workers .* never seen anything like it\.$/),
      expect.stringMatching(/^«Уходи!» — chanted the crowd.*since 1994\.\nSome workers .* flag\.\nOthers carried nothing at all\.$/),
      'Workers gather outside the MTZ gates on Friday. Photo: A. Petrova / Ledger',
      'Strikes spread to other plants',
      expect.stringMatching(/^By noon, .* roughly 1,200 people\.$/),
      'Hundreds of workers at MTZ are demanding free elections and the release of detainees pic.twitter.com/abc123XY',
      '— Olga Writer (@OlgaWriter) August 14, 2020',
      'The demands were simple:', 'new, fair elections;', 'release of everyone detained since 9 August;', 'an end to violence by the police.',
      'Plants on strike, 14 August', 'Plant', 'City', 'Workers', 'MTZ', 'Minsk', 'about 5,000', 'BelAZ', 'Zhodino', 'about 2,000',
      'The rally ended at 10.30 p.m. with a concert on Independence Square. The Ledger will update this story.',
    ]);
    expect(doc.paragraphs.map((p) => p.index)).toEqual(doc.paragraphs.map((_, i) => i));
  });
  it('takes the article\'s date from a date meta tag, else from the story\'s first <time>, not the site header\'s', () => {
    expect(doc.date).toBe('2020-08-14');
    const dated = (html: string) => parseDocument(html, 'd', 'd.html').date;
    expect(dated('<meta property="article:published_time" content="2020-08-15T09:00:00+03:00"><p><time datetime="2020-08-14">Fri</time> Text.</p>')).toBe('2020-08-15');
    expect(dated('<meta itemprop="datePublished" content="2020-08-16"><p>Text.</p>')).toBe('2020-08-16');
    expect(dated('<header><time datetime="2026-11-29">Today</time></header><article><p>Text.</p></article>')).toBeUndefined();
    expect(dated('<meta name="date" content="2020-02-30"><p>Text.</p>')).toBeUndefined();
  });
  it('traces the kept sentences back to the file', () => {
    const sentences = segmentParagraphs(doc.paragraphs);
    const at = (text: string) => { const s = sentences.find((x) => x.text === text)!; return source.slice(s.start, s.end); };
    expect(at('Others carried nothing at all.')).toBe('Others carried nothing at all.');
    expect(at('Strikes spread to other plants')).toBe('Strikes spread to other plants');
    expect(at('The Ledger will update this story.')).toBe('The Ledger</em> will update this story.');
  });
});

describe('HTML chrome', () => {
  it('keeps a chrome-looking wrapper that holds the headline, and a page that would otherwise lose everything', () => {
    expect(texts('<div class="page has-cookie-banner"><h1>Strike in Minsk</h1><p>Workers walked out.</p></div>'))
      .toEqual(['Strike in Minsk', 'Workers walked out.']);
    expect(texts('<div class="sidebar"><p>Only this text.</p></div>')).toEqual(['Only this text.']);
  });
  it('drops a consent platform\'s box named only by its own id', () => {
    expect(texts('<div id="qc-cmp2-container"><p>We value your privacy. We and our partners store information.</p></div>'
      + '<div id="onetrust-banner-sdk"><p>By clicking Accept, you agree to the storing of cookies.</p></div>'
      + '<article><div class="cmp-text"><p>Workers walked out at the tractor plant.</p></div></article>'))
      .toEqual(['Workers walked out at the tractor plant.']);
  });
  it('drops a row of links after a short label, and keeps a sentence that names links', () => {
    expect(texts('<p>Read more: <a href="/a">Strikes spread</a>, <a href="/b">EU reacts</a></p>'
      + '<p>Читайте также: <a href="/a">Забастовка на МТЗ</a> и <a href="/b">Реакция ЕС</a></p>'
      + '<p>Witnesses: <a href="/a">Ivan</a> and <a href="/b">Petr</a> said they saw it.</p><p>Workers walked out.</p>'))
      .toEqual(['Witnesses: Ivan and Petr said they saw it.', 'Workers walked out.']);
  });
  it('drops a masthead whose h1 is the site logo, a link: only a headline with words of its own keeps its wrapper', () => {
    expect(texts('<header class="masthead"><h1 class="site-title"><a href="/">The Minsk Observer</a></h1>'
      + '<p class="tagline">Independent news since 1998</p></header><main><h2>Strike in Minsk</h2><p>Workers walked out.</p></main>'))
      .toEqual(['Strike in Minsk', 'Workers walked out.']);
    expect(texts('<div class="layout--with-sidebar"><h1><a href="/strike">Strike</a> in Minsk</h1><p>Workers walked out.</p></div>'))
      .toEqual(['Strike in Minsk', 'Workers walked out.']);
  });
  it('keeps an article header and footer, drops the site header and footer', () => {
    expect(texts('<header>Site name</header><article><header><h2>Kicker</h2></header><p>Body.</p><footer>Filed in Minsk.</footer></article><footer>Site footer</footer>'))
      .toEqual(['Kicker', 'Body.', 'Filed in Minsk.']);
  });
  it('matches class words whole: shareholders are news, share buttons are not', () => {
    expect(texts('<p class="shareholders">Shareholders met.</p><div class="shareButtons"><a href="#">Facebook</a></div><span class="sr-only">opens a new window</span>'))
      .toEqual(['Shareholders met.']);
  });
  it('joins words at soft hyphens and <wbr>, which only mark where a word or link may break', () => {
    const html = '<h1>Лука&shy;шенко и Тиханов\u00adская</h1><p>See https://example.org/<wbr>long/<wbr>path?x=1. Next one.</p>';
    const sentences = segmentParagraphs(parseDocument(html, 's', 's.html').paragraphs);
    expect(sentences.map((s) => s.text)).toEqual(['Лукашенко и Тихановская', 'See https://example.org/long/path?x=1.', 'Next one.']);
    expect(html.slice(sentences[0].start, sentences[0].end)).toBe('Лука&shy;шенко и Тиханов\u00adская');
    expect(parseDocument('Лука\u00adшенко выступил.', 't', 't.txt').paragraphs[0].text).toBe('Лукашенко выступил.');
    // A zero-width space pasted from a web page inside a name: invisible, so read as nothing, offsets kept.
    const pasted = 'Luka\u200bshenko met Tsikhanouskaya.\n';
    const [p] = parseDocument(pasted, 't', 't.txt').paragraphs;
    expect(p.text).toBe('Lukashenko met Tsikhanouskaya.');
    const [s] = segmentParagraphs([p]);
    expect(pasted.slice(s.start, s.end)).toBe('Luka\u200bshenko met Tsikhanouskaya.');
  });
  it('drops inline chrome without breaking the sentence around it', () => {
    expect(texts('<p>Read the <a href="/r">union statement<span class="sr-only"> (opens in a new window)</span></a> and the reply.</p>' +
      '<p>Workers <span style="display:none">tracking</span>walked out.</p>')).toEqual(['Read the union statement and the reply.', 'Workers walked out.']);
  });
  it('drops rows of links and lists of nothing but links, keeps prose with links in it', () => {
    expect(texts('<div><a href="/">Главная</a> | <a href="/news">Новости</a></div><p>See <a href="/a">the report</a> and <a href="/b">the letter</a> from the union.</p>' +
      '<ul><li><a href="/x">One story</a></li><li><a href="/y">Another story</a></li></ul><ul><li>Plain item</li><li><a href="/z">Linked item</a></li></ul>' +
      '<p>Теги: <a href="/t/1">Беларусь</a>, <a href="/t/2">забастовки</a></p><p><a href="/l">Lukashenko</a> met <a href="/p">Putin</a></p>'))
      .toEqual(['See the report and the letter from the union.', 'Plain item', 'Linked item', 'Lukashenko met Putin']);
  });
  it('breaks a paragraph at <br><br>, as older CMSs write paragraphs, and a line at one <br>', () => {
    expect(texts('<div>First paragraph.<br>\n<br>\nSecond one.<br>Same paragraph.</div>')).toEqual(['First paragraph.', 'Second one.\nSame paragraph.']);
  });
  it('ends a sentence at a line break unless a lowercase word goes on, with offsets kept', () => {
    const html = '<p>Strikes on Friday:<br>Minsk — 5,000<br>Grodno — 3,000<br/>Brest — about\n1,000</p><h2>Workers walked<br>out again</h2>';
    const sentences = segmentParagraphs(parseDocument(html, 'b', 'b.html').paragraphs);
    expect(sentences.map((s) => s.text)).toEqual(['Strikes on Friday:', 'Minsk — 5,000', 'Grodno — 3,000', 'Brest — about 1,000', 'Workers walked out again']);
    expect(sentences.map((s) => html.slice(s.start, s.end))).toEqual(['Strikes on Friday:', 'Minsk — 5,000', 'Grodno — 3,000', 'Brest — about\n1,000',
      'Workers walked<br>out again']);
    const md = 'Strikes on Friday:\\\nMinsk — 5,000  \nGrodno — 3,000\n';
    expect(segmentParagraphs(parseDocument(md, 'm', 'm.md').paragraphs).map((s) => s.text)).toEqual(['Strikes on Friday:', 'Minsk — 5,000', 'Grodno — 3,000']);
  });
});

describe('HTML charset', () => {
  it('reads a page saved in windows-1251 that says so, with offsets in characters', async () => {
    const doc = await readDocument(fixture('ru-page-1251.html'), 'ru');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Рабочие МТЗ вышли на забастовку', '14 августа 2020 г., 12:40',
      expect.stringMatching(/^Тысячи рабочих .*«никаких перевыборов не будет»\.$/), '— Мы не овцы! — кричали рабочие. — Мы хотим честного подсчёта.',
      'Митинг прошёл на ул. Ленина, т. е. у проходной. В 2020 г. такого ещё не было.']);
    const text = new TextDecoder('windows-1251').decode(readFileSync(fixture('ru-page-1251.html')));
    expect(text.slice(doc.paragraphs[0].start, doc.paragraphs[0].end)).toBe('Рабочие МТЗ вышли на забастовку');
  });
  it('finds the declaration in both meta forms and the XML declaration, and ignores Unicode ones', () => {
    const enc = (head: string) => declaredEncoding(Buffer.from(head, 'latin1'));
    expect(enc('<meta charset="windows-1251">')).toBe('windows-1251');
    expect(enc('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">')).toBe('koi8-r');
    expect(enc("<?xml version='1.0' encoding='cp1251'?>")).toBe('windows-1251');
    expect([enc('<meta charset="utf-8">'), enc('<meta charset="utf-16">'), enc('<meta charset="nonsense">'), enc('<p>charset=koi8-r</p>')])
      .toEqual([undefined, undefined, undefined, undefined]);
  });
  it('reads UTF-8 bytes as UTF-8 whatever the page declares, and still refuses undeclared legacy bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-html-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const utf8 = `${dir}/converted.html`;
    writeFileSync(utf8, '<meta charset="windows-1251"><p>Рабочие вышли.</p>');
    expect((await readDocument(utf8, 'c')).paragraphs.map((p) => p.text)).toEqual(['Рабочие вышли.']);
    const undeclared = `${dir}/undeclared.html`;
    writeFileSync(undeclared, Buffer.concat([Buffer.from('<p>'), readFileSync(fixture('ru-page-1251.html')).subarray(-40)]));
    await expect(readDocument(undeclared, 'u')).rejects.toMatchObject({ code: 'invalidUtf8' });
    const text = `${dir}/legacy.txt`;
    writeFileSync(text, readFileSync(fixture('ru-page-1251.html')));
    await expect(readDocument(text, 't')).rejects.toMatchObject({ code: 'invalidUtf8' });
  });
});
