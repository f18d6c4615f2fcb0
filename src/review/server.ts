// The review page's local server: node:http on 127.0.0.1 only. It serves a fixed list of page files
// (no path from a URL ever reaches the file system), the review state as JSON, and takes the
// reviewer's decisions. Requests must name this server as Host (DNS rebinding) and, for changes,
// as Origin (cross-site requests), so no other web page can read or change the review.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeReviewed } from './apply.ts';
import { ReviewError, type Patch, type ReviewBead, type ReviewOp } from './model.ts';
import { loadPageFiles, type PageFile } from './page-files.ts';
import type { ReviewSession } from './session.ts';

/** What the page needs besides the beads: interface strings, glossary entries, check findings. */
export interface PageContext {
  lang: string;
  strings: Record<string, unknown>;
  job: string;
  glossary: Record<string, unknown>;
  /** Check findings for the given beads, by bead key. */
  violations(beads: readonly ReviewBead[]): Record<string, unknown[]>;
}

export interface ReviewServer { url: string; port: number; close(): Promise<void> }

const MAX_BODY = 1 << 20;

export const SECURITY_HEADERS: Record<string, string> = {
  // Only our own files run: even text that slipped into markup could not execute.
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export async function startReviewServer(session: ReviewSession, context: PageContext, port = 0): Promise<ReviewServer> {
  const files = await loadPageFiles();
  const server = createServer((req, res) => {
    handle(req, res, session, context, files, (server.address() as AddressInfo).port).catch((error) => {
      send(res, 500, { error: (error as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** True when the request names this server: Host always, Origin whenever the browser sends one. */
export function sameOrigin(headers: IncomingMessage['headers'], port: number, method: string): boolean {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!own.includes(String(headers.host ?? ''))) return false;
  const origin = headers.origin;
  if (origin !== undefined && !own.map((h) => `http://${h}`).includes(String(origin))) return false;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  // A change must say where it comes from: forms and no-cors requests from other sites cannot.
  if (method !== 'GET' && method !== 'HEAD') return origin !== undefined && headers['content-type'] === 'application/json';
  return true;
}

async function handle(req: IncomingMessage, res: ServerResponse, session: ReviewSession, context: PageContext,
  files: Map<string, PageFile>, port: number): Promise<void> {
  const method = req.method ?? 'GET';
  if (!sameOrigin(req.headers, port, method)) return send(res, 403, { error: 'forbidden' });
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/api/state') return send(res, 200, state(session, context));
    // Findings come separately: the check can take a moment, the beads should not wait for it.
    if (path === '/api/violations') return send(res, 200, { rev: session.rev, violations: context.violations(session.beads) });
    const file = files.get(path === '/' ? '/index.html' : path);
    if (!file) return send(res, 404, { error: 'not found' });
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
    res.end(method === 'HEAD' ? undefined : file.body);
    return;
  }
  if (method !== 'POST') return send(res, 405, { error: 'method not allowed' });
  const body = await readBody(req);
  if (body === undefined) return send(res, 400, { error: 'bad request' });
  const { rev, op } = body as { rev?: unknown; op?: ReviewOp };
  // A page working on an older state (two tabs) must reload rather than overwrite blindly.
  if (rev !== session.rev) return send(res, 409, { error: 'stale', rev: session.rev });
  try {
    // The page's "Write outputs": apply-review without stopping the server.
    if (path === '/api/apply') return send(res, 200, { rev: session.rev, applied: await writeReviewed(session) });
    let patch: Patch | null;
    if (path === '/api/op' && op && typeof op === 'object') patch = await session.do(op);
    else if (path === '/api/undo') patch = await session.undo();
    else if (path === '/api/redo') patch = await session.redo();
    else return send(res, 404, { error: 'not found' });
    return send(res, 200, change(session, context, patch));
  } catch (error) {
    if (error instanceof ReviewError) return send(res, 422, { error: error.code });
    throw error;
  }
}

function state(session: ReviewSession, context: PageContext) {
  return {
    rev: session.rev, canUndo: session.canUndo, canRedo: session.canRedo,
    lang: context.lang, strings: context.strings, job: context.job, glossary: context.glossary,
    beads: session.beads,
  };
}

function change(session: ReviewSession, context: PageContext, patch: Patch | null) {
  return {
    rev: session.rev, canUndo: session.canUndo, canRedo: session.canRedo,
    patch: patch && { start: patch.start, remove: patch.remove.length, insert: patch.insert },
    violations: patch ? context.violations(patch.insert) : {},
  };
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) { resolve(undefined); req.destroy(); return; }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')); } catch { resolve(undefined); }
    });
    req.on('error', () => resolve(undefined));
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) { res.end(); return; }
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
