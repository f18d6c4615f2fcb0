// Starting a review server in-process and Debian's Chromium through playwright-core, for the
// browser tests and the review benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  buildPageContext, createChecker, loadGlossary, matchTermsOf, ReviewSession, startReviewServer, type ReviewServer,
} from '../../src/review/index.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser { context: BrowserContext; close(): Promise<void> }

/** Headless Chromium with a fresh profile and nothing that reaches the network by itself. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tandem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Running { session: ReviewSession; server: ReviewServer; stop(): Promise<void> }

/** Opens the job's review and serves it on a free port, as `tandem review` does. */
export async function serveReview(jobDir: string, glossaryPaths: string[] = [], lang: 'en' | 'ru' = 'en'): Promise<Running> {
  const glossary = await loadGlossary(glossaryPaths);
  const session = await ReviewSession.open(jobDir, { matchTerms: matchTermsOf(glossary), glossary });
  const context = await buildPageContext(session.beads, { lang, job: 'seed', glossary, checker: glossary ? createChecker() : null });
  const server = await startReviewServer(session, context);
  return { session, server, async stop() { await server.close(); await session.close(); } };
}
