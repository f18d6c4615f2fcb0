// Review of aligned output in the browser: the model of a review (beads and decisions), its journal,
// the local server and page, and apply-review. See docs/review.md.
export {
  planOp, applyPatch, inversePatch, segmentsToBeads, segmentToBead, beadToSegment, segmentKey, ReviewError,
  type ReviewBead, type ReviewOp, type Patch, type PlanEnv, type TermProblem, type ReviewRecord, type ReviewedSegment,
} from './model.ts';
export { sideToUnits, unitsToSide, textToUnits, sentenceRanges, type Unit } from './units.ts';
export { ReviewSession, SEGMENTS_FILE, type OpenOptions } from './session.ts';
export { Journal, readJournal, ReviewFileError, REVIEW_DIR, JOURNAL_FILE, BASE_FILE, type JournalEntry } from './journal.ts';
export { startReviewServer, sameOrigin, SECURITY_HEADERS, type ReviewServer, type PageContext } from './server.ts';
export { buildPageContext, pageStrings, glossaryForPage, loadGlossary, type Checker, type Finding } from './context.ts';
export { createChecker, termMatcher } from './checker.ts';
export { jobDirOf, openSession, glossaryOf, matchTermsOf } from './open.ts';
export { applyReview, writeReviewed, jobPairs, type ApplySummary } from './apply.ts';
