// SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, ...): one result per violation,
// located at the file and line of its segment (or glossary entry). Paths inside the working
// directory are written relative to it with uriBaseId %SRCROOT%, as code scanning expects.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { t } from '../../i18n/index.ts';
import { DEFAULT_SEVERITY, RULES, type CheckResult, type Violation } from '../types.ts';
import { segmentLabel } from './label.ts';

export interface SarifOptions {
  toolVersion: string;
  /** Directory that relative URIs start from (default: process.cwd()). */
  root?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative POSIX path when the file is under root, else a file: URL. */
export function artifactUri(file: string, root: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(root, file);
  const rel = relative(root, absolute);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(absolute).href };
}

function ruleDescriptor(id: (typeof RULES)[number]): ReportingDescriptor {
  return {
    id,
    name: id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: t(`check:rule.${id}.title`) },
    fullDescription: { text: t(`check:rule.${id}.description`) },
    defaultConfiguration: { level: DEFAULT_SEVERITY[id] },
    help: { text: t(`check:rule.${id}.help`) },
  };
}

/**
 * Stable across runs while the finding stays the same, so dashboards can track it. With the document
 * in it (v2): in a job's segments.jsonl the same finding in two documents' segment "0.0" had one
 * fingerprint, and code scanning showed one alert for both.
 */
function fingerprint(v: Violation): string {
  const parts = [v.rule, v.file ?? '', segmentLabel(v) ?? '', v.tgtDoc ?? '', v.entry ?? '', v.found ?? ''];
  // A glossary-lint finding is told apart by its code and what it names (segment and found are null
  // for all of them, so every lint finding of a glossary had one fingerprint and one alert).
  if (v.rule === 'glossary-lint') parts.push(v.code ?? '', JSON.stringify(Object.entries(v.params ?? {}).sort()));
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export function toSarif(result: CheckResult, options: SarifOptions): Log {
  const root = options.root ?? process.cwd();
  const results: Result[] = result.violations.map((v) => {
    const r: Result = {
      ruleId: v.rule,
      ruleIndex: RULES.indexOf(v.rule),
      level: v.severity,
      message: { text: v.message },
      partialFingerprints: { 'tandemViolation/v2': fingerprint(v) },
      properties: {
        segment: v.segment, entry: v.entry, src: v.src, tgt: v.tgt,
        ...(v.side ? { side: v.side } : {}), ...(v.found !== undefined ? { found: v.found } : {}),
        ...(v.expected ? { expected: v.expected } : {}), ...(v.code ? { code: v.code } : {}),
      },
    };
    if (v.file !== undefined) {
      r.locations = [{
        physicalLocation: {
          artifactLocation: artifactUri(v.file, root),
          ...(v.line !== undefined && v.line >= 1 ? { region: { startLine: v.line } } : {}),
        },
        ...(v.segment ? { logicalLocations: [{ name: segmentLabel(v) ?? v.segment, kind: 'element' }] } : {}),
      }];
    }
    return r;
  });
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'tandem', semanticVersion: options.toolVersion, version: options.toolVersion, rules: RULES.map(ruleDescriptor) } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root + sep).href } },
      invocations: [{ executionSuccessful: true }],
      results,
    }],
  };
}

export function toSarifReport(result: CheckResult, options: SarifOptions): string {
  return JSON.stringify(toSarif(result, options), null, 2) + '\n';
}
