// Why a document cannot be processed, as plain data: a code that names the problem (and picks the
// message in src/i18n/locales/<lng>/run.json) plus the figures the message needs.
import { t } from '../i18n/index.ts';

/** Every code, once: the type is read off the list, and failureMessage knows the codes it can say again. */
const CODES = ['empty', 'binary', 'invalidUtf8', 'invalidUtf16', 'utf16NoBom', 'tooLarge', 'paragraphTooLong', 'noText', 'unreadable',
  'brokenLink', 'notAFile',
  'outsideLanguages', 'stageFailed', 'inTarget', 'untranslatedTarget', 'partlyUntranslated', 'wrongTargetLanguage', 'notParallel', 'pairedElsewhere'] as const;
export type DocumentErrorCode = (typeof CODES)[number];
const KNOWN = new Set<string>(CODES);

export interface Failure {
  code: DocumentErrorCode | string;
  params: Record<string, string | number>;
  /** One line for people, in the UI language of the run that failed. */
  message: string;
}

/** A document the pipeline refuses, with a one-line reason. Not a bug: never shown with a stack. */
export class DocumentError extends Error {
  override name = 'DocumentError';
  constructor(readonly code: DocumentErrorCode, readonly params: Record<string, string | number> = {}) {
    super(t(`run:errors.${code}`, params));
  }

  toFailure(): Failure {
    return { code: this.code, params: this.params, message: this.message };
  }

  /** A problem with a pair's translation file: its own reason kept as data, so it can be said again. */
  static inTarget(doc: string, reason: DocumentError): DocumentError {
    const inner = Object.entries(reason.params).map(([k, v]) => [`reason.${k}`, v]);
    return new DocumentError('inTarget', { doc, reason: reason.message, reasonCode: reason.code, ...Object.fromEntries(inner) });
  }
}

/**
 * A failure's one line in the current UI language. The message stored with it is in the language of
 * the run that found it: a run resumed with `--lang ru` printed the documents finished before in English.
 */
export function failureMessage(f: Failure): string {
  if (f.code === 'inTarget' && typeof f.params.reasonCode === 'string') {
    const inner = Object.entries(f.params).filter(([k]) => k.startsWith('reason.')).map(([k, v]) => [k.slice(7), v]);
    const reason = failureMessage({ code: f.params.reasonCode, params: Object.fromEntries(inner), message: String(f.params.reason) });
    return t('run:errors.inTarget', { doc: f.params.doc, reason });
  }
  // An inTarget problem recorded before its reason was kept as data is said as it was recorded.
  return KNOWN.has(f.code) && f.code !== 'inTarget' ? t(`run:errors.${f.code}`, f.params) : f.message;
}
