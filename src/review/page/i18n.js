// Interface strings sent by the server in the reviewer's language (i18next on the server side).
let strings = {};

export function setStrings(value) { strings = value ?? {}; }

/** tr('toolbar.undo') or tr('progress', {done: 3, total: 10}): {{name}} placeholders are filled. */
export function tr(key, vars = {}) {
  const value = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), strings);
  const text = typeof value === 'string' ? value : key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => (name in vars ? String(vars[name]) : ''));
}
