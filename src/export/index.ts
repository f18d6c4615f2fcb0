// Output formats: pure writers (Segment[] -> file text) and readers (file text -> Segment[]), plus
// the one place that writes a job's outputs to disk atomically. See docs/export.md.
import type { Lang } from '../types.ts';

export interface PairOptions { srcLang: Lang; tgtLang: Lang }

export { segmentsToJsonl, readJsonl, segmentProblem } from './jsonl.ts';
export { segmentsToTsv, readTsvRows, escapeTsvCell, unescapeTsvCell, TSV_COLUMNS } from './tsv.ts';
export { segmentsToTmx, readTmx, readTmxLocated, tmxDate, type TmxOptions, type LocatedSegment } from './tmx.ts';
export { segmentsToXliff, readXliff, readXliffLocated, type XliffOptions } from './xliff.ts';
export { SegmentFileError } from './xml.ts';
export { segmentFilesOf } from './segment-files.ts';
/** XML helpers (escaping, NMTOKEN ids, validating parse with line numbers) for other XML formats, e.g. TBX. */
export * as xml from './xml.ts';
export { detectFormat, readSegments, readLocatedSegments, type SegmentFormat } from './detect-format.ts';
export { decodeSegmentText } from './decode.ts';
export { atomicWriteFile, atomicWriteFileSync, removeStaleTempFiles, writeAll } from './write.ts';
export { writeJobOutputs, REPORT_FILE, type JobOutputInput } from './job-outputs.ts';
export {
  documentDirections, documentFiles, documentKey, documentKeys, segmentsByDocument, safeRelativePath, type JobDocument,
  type LanguagePair, type DocumentFileSettings,
} from './document-files.ts';
export { OUTPUT_FORMATS, type OutputFormat } from './formats.ts';
export { DocumentStager } from './stager.ts';
export { TOOL_NAME, TOOL_VERSION } from './tool.ts';
export { targetOrigin, isHumanTarget, xliffState, HUMAN_ORIGINS, type XliffState } from './origin.ts';

