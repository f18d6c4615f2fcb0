// The review page: holds the beads, renders one page of rows, and turns keys and clicks into
// decisions sent to the server. The server is the truth: each answer carries a patch to apply.
import { RequestError, loadState, loadViolations, send } from './api.js';
import { setStrings, tr } from './i18n.js';
import { isFlagged, renderRow } from './render.js';

const params = new URLSearchParams(location.search);
const PAGE_SIZE = Math.max(10, Math.min(1000, Number(params.get('pageSize')) || 100));

const app = {
  beads: [], violations: {}, glossary: {}, rev: 0, canUndo: false, canRedo: false,
  index: 0, mode: null, cut: null, busy: 0,
};
window.tandemReview = app; // for tests and benchmarks: read-only use

const $ = (id) => document.getElementById(id);

function setStatus(key, vars) {
  const status = $('status');
  status.textContent = tr(key, vars);
  status.dataset.state = key;
}

function renderToolbar() {
  const done = app.beads.filter((b) => b.confirmed).length;
  const flagged = app.beads.filter((b) => isFlagged(b, app.violations[b.key])).length;
  $('progress').textContent = tr('progress', { done, total: app.beads.length, flagged });
  const pages = Math.max(1, Math.ceil(app.beads.length / PAGE_SIZE));
  $('page').textContent = tr('pageOf', { page: pageOf(app.index) + 1, pages });
  $('undo').disabled = !app.canUndo;
  $('redo').disabled = !app.canRedo;
}

const pageOf = (index) => Math.floor(index / PAGE_SIZE);

/** Renders the page holding the current bead (a hundred rows: fast whatever the job's size). */
function render({ scroll = true } = {}) {
  const started = performance.now();
  const list = $('list');
  const first = pageOf(app.index) * PAGE_SIZE;
  const rows = app.beads.slice(first, first + PAGE_SIZE).map((_, k) => rowAt(first + k));
  list.replaceChildren(...rows);
  renderToolbar();
  const row = list.querySelector('.row.current');
  if (row && scroll) row.scrollIntoView({ block: 'nearest' });
  if (app.mode === 'edit') row?.querySelector('textarea')?.focus();
  if (app.mode === 'term') row?.querySelector('select')?.focus();
  app.renderMs = performance.now() - started;
}

/** Builds the row of the bead at `index` as it should look now. */
function rowAt(index) {
  const bead = app.beads[index];
  const current = index === app.index;
  // A document: an original with its translation (one with a Russian and a Ukrainian one is two).
  const before = app.beads[index - 1];
  const docHead = index % PAGE_SIZE === 0 || before.doc !== bead.doc || before.tgtDoc !== bead.tgtDoc;
  return renderRow(bead, index, { current, mode: current ? app.mode : null, cut: app.cut, docHead }, app.glossary, app.violations[bead.key]);
}

/** Redraws the rows at `indices` (all on the current page) in place, and scrolls to the current one if asked. */
function redrawRows(indices, scroll) {
  const started = performance.now();
  const list = $('list');
  const first = pageOf(app.index) * PAGE_SIZE;
  for (const k of indices) list.children[k - first]?.replaceWith(rowAt(k));
  if (scroll) list.children[app.index - first]?.scrollIntoView({ block: 'nearest' });
  renderToolbar();
  app.renderMs = performance.now() - started;
}

function go(index) {
  if (!app.beads.length) return;
  const from = app.index;
  app.index = Math.max(0, Math.min(app.beads.length - 1, index));
  const list = $('list');
  // Within the page only two rows change: swap them instead of rebuilding the page.
  if (!app.mode && pageOf(from) === pageOf(app.index) && list.children.length) return redrawRows(new Set([from, app.index]), true);
  app.mode = null;
  render();
}

/** The next (dir 1) or previous (-1) bead that passes `test`, wrapping round. */
function seek(dir, test) {
  const n = app.beads.length;
  for (let step = 1; step <= n; step++) {
    const k = (app.index + dir * step + n * step) % n;
    if (test(app.beads[k], k)) return go(k);
  }
  setStatus('none');
}

const current = () => app.beads[app.index];

/** Sends a decision and applies the server's patch; the row keeps the cursor where it makes sense. */
async function decide(path, op) {
  app.busy++;
  setStatus('saving');
  try {
    const answer = await send(path, () => app.rev, op);
    apply(answer, path !== 'op');
    setStatus(answer.patch ? 'saved' : 'nothing');
  } catch (error) {
    if (error instanceof RequestError && error.status === 409) { await reload(); setStatus('reloaded'); }
    else if (error instanceof RequestError && error.status === 422) setStatus(`errors.${error.code}`);
    else setStatus('notSaved', { reason: error.message });
  } finally {
    app.busy--;
  }
}

/** Writes the reviewed segments.jsonl, TMX and XLIFF into the job folder (as apply-review does). */
async function writeOutputs() {
  app.busy++;
  setStatus('writing');
  try {
    const answer = await send('apply', () => app.rev);
    setStatus('written', { count: answer.applied.files.length, confirmed: answer.applied.confirmed });
    // e.g. no glossary: the outputs are written, but poorer than the pipeline's (text from the server).
    if (answer.applied.warnings?.length) $('status').textContent += ` · ${answer.applied.warnings.join(' · ')}`;
  } catch (error) {
    if (error instanceof RequestError && error.status === 409) { await reload(); setStatus('reloaded'); }
    else setStatus('notWritten', { reason: error.message });
  } finally {
    app.busy--;
  }
}

/** Applies the server's answer; after undo/redo the cursor follows the change so it can be seen. */
function apply(answer, follow) {
  app.rev = answer.rev;
  app.canUndo = answer.canUndo;
  app.canRedo = answer.canRedo;
  const patch = answer.patch;
  const from = app.index;
  if (patch) {
    const key = current()?.key;
    const removed = app.beads.splice(patch.start, patch.remove, ...patch.insert);
    for (const bead of removed) delete app.violations[bead.key];
    Object.assign(app.violations, answer.violations);
    // Stay on the same bead when it still exists (confirm, edit, merge, split); else where it changed.
    const at = follow ? -1 : app.beads.findIndex((b) => b.key === key);
    app.index = Math.max(0, Math.min(app.beads.length - 1, at >= 0 ? at : patch.start));
  }
  const wasEditing = app.mode !== null;
  app.mode = null;
  // A change that keeps the number of beads (confirm, edit, term flag) on this page redraws its rows only.
  const first = pageOf(app.index) * PAGE_SIZE;
  const list = $('list');
  const inPlace = patch && patch.remove === patch.insert.length && pageOf(from) === pageOf(app.index)
    && patch.start >= first && patch.start + patch.remove <= first + list.children.length;
  if (!inPlace) return render();
  const indices = new Set([from, app.index]);
  for (let k = patch.start; k < patch.start + patch.remove; k++) indices.add(k);
  redrawRows(indices, wasEditing || from !== app.index);
}

const op = (body) => decide('op', { key: current().key, ...body });

function startSplit() {
  const bead = current();
  const total = bead.src.length + bead.tgt.length;
  if (total < 2) return setStatus('errors.cannotSplit');
  let src = bead.src.length > 1 ? 1 : bead.src.length;
  let tgt = bead.tgt.length > 1 ? 1 : bead.tgt.length;
  if (src + tgt === total) tgt > 0 && bead.tgt.length === 1 ? (tgt = 0) : (src = 0);
  app.mode = 'split';
  app.cut = { src, tgt };
  render();
}

function moveCut(side, delta) {
  const limit = current()[side].length;
  app.cut[side] = Math.max(0, Math.min(limit, app.cut[side] + delta));
  render();
}

function saveEdit() {
  const area = $('list').querySelector('.row.current textarea');
  if (area) op({ type: 'edit', text: area.value });
}

function flagTerm() {
  const row = $('list').querySelector('.row.current');
  const entry = row?.querySelector('select.term-entry')?.value;
  if (!entry) return setStatus('errors.noEntry');
  op({ type: 'flagTerm', entry, note: row.querySelector('input.term-note').value, value: true });
}

const ACTIONS = {
  confirm: () => op({ type: 'confirm', value: !current().confirmed }),
  merge: () => op({ type: 'merge' }),
  split: startSplit,
  'split-apply': () => op({ type: 'split', src: app.cut.src, tgt: app.cut.tgt }),
  edit: () => { if (!current().tgtLang) return setStatus('errors.noTargetLanguage'); app.mode = 'edit'; render(); },
  term: () => { app.mode = 'term'; render(); },
  'term-apply': flagTerm,
  save: saveEdit,
  cancel: () => { app.mode = null; render(); },
  'src-up': () => op({ type: 'move', side: 'src', dir: 'prev' }),
  'src-down': () => op({ type: 'move', side: 'src', dir: 'next' }),
  'tgt-up': () => op({ type: 'move', side: 'tgt', dir: 'prev' }),
  'tgt-down': () => op({ type: 'move', side: 'tgt', dir: 'next' }),
};

function onClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  const row = target?.closest('.row');
  if (!row) return;
  const index = Number(row.dataset.index);
  const buttonEl = target.closest('button[data-action]');
  if (index !== app.index) {
    if (app.mode === 'edit' || app.mode === 'split' || app.mode === 'term') return;
    app.index = index;
    render({ scroll: false });
    if (!buttonEl) return;
  }
  if (!buttonEl) return;
  const action = buttonEl.dataset.action;
  if (action === 'cut') { app.cut[buttonEl.dataset.side] = Number(buttonEl.dataset.at); render({ scroll: false }); return; }
  if (action === 'term-remove') return op({ type: 'flagTerm', entry: buttonEl.dataset.entry, note: '', value: false });
  ACTIONS[action]?.();
}

/**
 * The key as on a Latin layout: with a Cyrillic one the J key gives 'о' and Ctrl+Z 'я', and an
 * editor who has just typed Russian would find no shortcut working; the key's place (code) says
 * which it is.
 */
function latinKey(event) {
  const { key, code } = event;
  if (key.length !== 1 || /[\x00-\x7F]/.test(key) || !/^Key[A-Z]$/.test(code ?? '')) return key;
  return event.shiftKey ? code.slice(3) : code.slice(3).toLowerCase();
}

function onKey(event) {
  if (!app.beads.length || $('help').open) return;
  const ctrl = event.ctrlKey || event.metaKey;
  const key = latinKey(event);
  // A focused button acts on Enter and Space itself; acting here as well would do it twice.
  if (event.target instanceof HTMLButtonElement && (key === 'Enter' || key === ' ')) return;
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  // In a text field Ctrl+Z undoes typing; elsewhere it undoes the last decision.
  if (!typing && ctrl && (key === 'z' || key === 'Z')) { event.preventDefault(); return decide(event.shiftKey ? 'redo' : 'undo'); }
  if (!typing && ctrl && (key === 'y' || key === 'Y')) { event.preventDefault(); return decide('redo'); }
  if (app.mode === 'edit') {
    if (key === 'Escape') ACTIONS.cancel();
    else if (key === 'Enter' && ctrl) { event.preventDefault(); saveEdit(); }
    return;
  }
  if (app.mode === 'term') {
    if (key === 'Escape') ACTIONS.cancel();
    else if (key === 'Enter') { event.preventDefault(); flagTerm(); }
    return;
  }
  if (typing) return;
  if (app.mode === 'split') {
    const moves = { ArrowLeft: ['src', -1], ArrowRight: ['src', 1], ArrowUp: ['tgt', -1], ArrowDown: ['tgt', 1] };
    if (key === 'Escape') ACTIONS.cancel();
    else if (key === 'Enter') ACTIONS['split-apply']();
    else if (moves[key]) moveCut(...moves[key]);
    else return;
    event.preventDefault();
    return;
  }
  if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
    ACTIONS[`${event.shiftKey ? 'src' : 'tgt'}-${key === 'ArrowUp' ? 'up' : 'down'}`]();
  } else if (ctrl || event.altKey) return;
  else if (key === 'ArrowDown' || key === 'j') go(app.index + 1);
  else if (key === 'ArrowUp' || key === 'k') go(app.index - 1);
  else if (key === 'PageDown') go((pageOf(app.index) + 1) * PAGE_SIZE);
  else if (key === 'PageUp') go((pageOf(app.index) - 1) * PAGE_SIZE);
  else if (key === 'Home') go(0);
  else if (key === 'End') go(app.beads.length - 1);
  else if (key === 'n' || key === 'N') seek(key === 'N' ? -1 : 1, (b) => !b.confirmed);
  else if (key === 'f' || key === 'F') seek(key === 'F' ? -1 : 1, (b) => isFlagged(b, app.violations[b.key]));
  else if (key === 'c' || key === ' ') ACTIONS.confirm();
  else if (key === 'Enter') confirmAndNext();
  else if (key === 'm') ACTIONS.merge();
  else if (key === 's') ACTIONS.split();
  else if (key === 'e') ACTIONS.edit();
  else if (key === 't') ACTIONS.term();
  else if (key === '?') $('help').showModal();
  else return;
  event.preventDefault();
}

/** Enter: confirm the bead and go on to the next unconfirmed one (InterText's rhythm). */
async function confirmAndNext() {
  if (!current().confirmed) await op({ type: 'confirm', value: true });
  seek(1, (b) => !b.confirmed);
}

async function reload() {
  const started = performance.now();
  const state = await loadState();
  app.fetchMs = performance.now() - started;
  setStrings(state.strings);
  Object.assign(app, {
    beads: state.beads, violations: {}, glossary: state.glossary,
    rev: state.rev, canUndo: state.canUndo, canRedo: state.canRedo, mode: null,
  });
  app.index = Math.min(app.index, Math.max(0, app.beads.length - 1));
  document.documentElement.lang = state.lang;
  document.title = tr('title', { job: state.job });
  render();
  findings();
}

/** Fetches check findings after the beads are on screen; asks again if the review moved on meanwhile. */
async function findings(tries = 3) {
  try {
    const answer = await loadViolations();
    if (answer.rev !== app.rev) { if (tries > 1) findings(tries - 1); return; }
    app.violations = answer.violations;
    render({ scroll: false });
    document.body.dataset.findings = 'true';
  } catch {
    // The page works without findings; the status line keeps what the reviewer did last.
  }
}

function translateStatic() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = tr(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = tr(node.dataset.i18nTitle);
}

async function start() {
  const started = performance.now();
  await reload();
  translateStatic();
  $('job').textContent = document.title;
  setStatus(app.beads.length ? 'ready' : 'emptyJob');
  document.addEventListener('keydown', onKey);
  $('list').addEventListener('click', onClick);
  $('undo').addEventListener('click', () => decide('undo'));
  $('redo').addEventListener('click', () => decide('redo'));
  $('apply').addEventListener('click', writeOutputs);
  $('prev-page').addEventListener('click', () => go((pageOf(app.index) - 1) * PAGE_SIZE));
  $('next-page').addEventListener('click', () => go((pageOf(app.index) + 1) * PAGE_SIZE));
  $('help-button').addEventListener('click', () => $('help').showModal());
  $('help-close').addEventListener('click', () => $('help').close());
  app.loadMs = performance.now() - started;
  document.body.dataset.ready = 'true';
}

start().catch((error) => setStatus('loadFailed', { reason: error.message }));
