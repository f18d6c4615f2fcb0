// Which HTML elements are page chrome rather than the article: menus, cookie banners, share buttons,
// site headers and footers, sidebars, hidden elements. A saved news page is mostly such text, and a
// translator must not get "Accept all cookies" or "World | Business | Opinion" as segments. Decided
// from the element alone (its name, role, class, id, hidden state and whether it sits inside an
// article), as the reader streams; the reader keeps a chrome element that turns out to hold the
// story (an h1 or a main), so a wrapper with an unlucky class name never takes the article with it.

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
  'advertisement', 'ads', 'banner', 'popup', 'modal', 'toolbar', 'pagination', 'pager', 'skip', 'sponsored', 'paywall']);

/**
 * Whole class names of text meant for screen readers only ("opens in a new window"). Frameworks'
 * "hidden" and "d-none" are left alone: they are often undone at other screen widths ("hidden md:block").
 */
const HIDDEN_CLASSES = new Set(['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text']);

/** Elements that a class name never makes chrome: the page and the story itself. */
const NEVER_CHROME = new Set(['html', 'body', 'main', 'article', 'h1']);

/** Elements inside which header and footer belong to a section, not to the site (HTML's banner rule). */
export const SECTIONING = new Set(['article', 'main', 'section', 'aside', 'nav']);

/** Whether the element is chrome; `inSection`: it has an article, main, section, aside or nav ancestor. */
export function isChrome(name: string, attribs: Record<string, string>, inSection: boolean): boolean {
  if (NEVER_CHROME.has(name)) return false;
  if (CHROME_ELEMENTS.has(name)) return true;
  if ((name === 'header' || name === 'footer') && !inSection) return true;
  if (isHidden(attribs)) return true;
  const role = attribs.role?.toLowerCase();
  if (role && CHROME_ROLES.has(role)) return true;
  return chromeName(attribs.class) || chromeName(attribs.id);
}

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function chromeName(name: string | undefined): boolean {
  if (!name) return false;
  for (const token of name.split(/\s+/)) {
    if (HIDDEN_CLASSES.has(token.toLowerCase())) return true;
    for (const word of token.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[^a-z]+/)) {
      if (CHROME_WORDS.has(word)) return true;
    }
  }
  return false;
}

/** Whether the element marks the story itself: a chrome element holding one is kept. */
export function isStory(name: string, attribs: Record<string, string>): boolean {
  return name === 'h1' || name === 'main' || attribs.role === 'main' || attribs.itemprop === 'articleBody';
}
