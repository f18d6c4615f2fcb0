// Which HTML elements are page chrome rather than the article: menus, cookie banners, share buttons,
// site headers and footers, sidebars, hidden elements. A saved news page is mostly such text, and a
// translator must not get "Accept all cookies" or "World | Business | Opinion" as segments. Decided
// from the element alone (its name, role, class, id, hidden state and whether it sits inside an
// article), as the reader streams; the reader keeps a chrome element that turns out to hold the
// story (an h1, a main, an article of prose), so a wrapper with an unlucky class name never takes the
// article with it.

/** Elements whose text is never prose: controls and fallback content of embedded media. */
export const NOT_PROSE = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'title', 'button', 'select',
  'option', 'textarea', 'iframe', 'object', 'canvas', 'audio', 'video']);

/** Elements that are navigation or asides wherever they are. */
const CHROME_ELEMENTS = new Set(['nav', 'aside', 'menu', 'dialog', 'form']);

/** ARIA roles of page chrome (navigation, site banner, site footer, sidebars, search, pop-ups). */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog',
  'menu', 'menubar', 'toolbar', 'tablist']);

/**
 * Words of class and id names that mark chrome, matched as whole words of the name (split at - and _
 * and camelCase), so "share-buttons" and "cookieBanner" match and "shareholders" does not.
 */
const CHROME_WORDS = new Set(['cookie', 'cookies', 'consent', 'gdpr', 'share', 'sharing', 'social', 'newsletter',
  'subscribe', 'subscription', 'related', 'recommended', 'breadcrumb', 'breadcrumbs', 'menu', 'nav', 'navbar',
  'navigation', 'sidebar', 'header', 'footer', 'masthead', 'comments', 'comment', 'disqus', 'promo', 'advert',
  'advertisement', 'ads', 'banner', 'popup', 'modal', 'toolbar', 'pagination', 'pager', 'skip', 'sponsored', 'paywall',
  // Consent platforms named only by their own ids ("onetrust-banner-sdk", "CybotCookiebotDialog").
  'onetrust', 'cookiebot', 'didomi', 'usercentrics', 'truste', 'quantcast']);

/**
 * Starts of class and id names of consent platforms whose words say nothing alone: Quantcast's
 * "qc-cmp2-container", Sourcepoint's "sp_message_container". Not "cmp" as a word, which names article
 * components in Adobe's AEM ("cmp-text").
 */
const CONSENT_PREFIXES = ['qc-cmp', 'sp_message'];

/**
 * Whole class names of text meant for screen readers only ("opens in a new window"). Frameworks'
 * "hidden" and "d-none" are left alone: they are often undone at other screen widths ("hidden md:block").
 */
const HIDDEN_CLASSES = new Set(['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text']);

/**
 * Class words that name an article's own parts inside an article or main ("article__header",
 * "hero-banner", "article-footer"), as HTML's own rule keeps a header or footer inside a section.
 */
const ARTICLE_PART_WORDS = new Set(['header', 'footer', 'banner', 'masthead']);

/** Classes of an embedded post (a quoted tweet, an Instagram post): the article quotes it, in a "social-embed" box or not. */
const EMBEDDED_POSTS = new Set(['twitter-tweet', 'twitter-video', 'instagram-media', 'tiktok-embed', 'reddit-embed-bq',
  'text-post-media']);

/** Elements that a class name never makes chrome: the page and the story itself. */
const NEVER_CHROME = new Set(['html', 'body', 'main', 'article', 'h1']);

/** Elements inside which header and footer belong to a section, not to the site (HTML's banner rule). */
export const SECTIONING = new Set(['article', 'main', 'section', 'aside', 'nav']);

/** Where an element sits: whether it has a sectioning ancestor (SECTIONING), and an article or main one. */
export interface Context { inSection: boolean; inArticle: boolean }

/**
 * Whether the element is chrome: 'element' by what it is (nav, aside, a role, hidden), 'name' only by
 * a word of its class or id, which an article of prose inside it overrules (a "layout--with-sidebar"
 * wrapper), where it never overrules an aside or a hidden element.
 */
export function chromeKind(name: string, attribs: Record<string, string>, at: Context): 'element' | 'name' | undefined {
  if (NEVER_CHROME.has(name)) return undefined;
  if (CHROME_ELEMENTS.has(name)) return 'element';
  if ((name === 'header' || name === 'footer') && !at.inSection) return 'element';
  if (isHidden(attribs)) return 'element';
  const role = attribs.role?.toLowerCase();
  if (role && CHROME_ROLES.has(role)) return 'element';
  return namedChrome(attribs, at.inArticle) ? 'name' : undefined;
}

/** Whether the class or id has a chrome word: also asked of an article ("comment-body" keeps no wrapper). */
export function namedChrome(attribs: Record<string, string>, inArticle: boolean): boolean {
  return chromeName(attribs.class, inArticle) || chromeName(attribs.id, inArticle);
}

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function chromeName(name: string | undefined, inArticle: boolean): boolean {
  if (!name) return false;
  for (const token of name.split(/\s+/)) {
    const lower = token.toLowerCase();
    if (HIDDEN_CLASSES.has(lower) || CONSENT_PREFIXES.some((p) => lower.startsWith(p))) return true;
    for (const word of token.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[^a-z]+/)) {
      if (CHROME_WORDS.has(word) && !(inArticle && ARTICLE_PART_WORDS.has(word))) return true;
    }
  }
  return false;
}

/** Whether the element is an embedded post (blockquote.twitter-tweet): inside an article, the chrome around it is kept. */
export function isEmbeddedPost(name: string, attribs: Record<string, string>): boolean {
  return name === 'blockquote' && (attribs.class ?? '').split(/\s+/).some((c) => EMBEDDED_POSTS.has(c.toLowerCase()));
}

/** Whether the element marks the story itself: a chrome element holding one is kept. */
export function isStory(name: string, attribs: Record<string, string>): boolean {
  return name === 'h1' || name === 'main' || attribs.role === 'main' || attribs.itemprop === 'articleBody';
}
