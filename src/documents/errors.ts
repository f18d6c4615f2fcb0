// Why a document cannot be processed, as plain data: a code that names the problem (and picks the
// message in src/i18n/locales/<lng>/run.json) plus the figures the message needs.
import { t } from '../i18n/index.ts';

export type DocumentErrorCode =
  | 'empty' | 'binary' | 'invalidUtf8' | 'invalidUtf16' | 'utf16NoBom' | 'tooLarge' | 'paragraphTooLong' | 'noText' | 'unreadable'
  | 'brokenLink' | 'notAFile'
  | 'outsideLanguages' | 'stageFailed' | 'inTarget' | 'untranslatedTarget' | 'pairedElsewhere';

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
}
