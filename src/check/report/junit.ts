// JUnit XML for CI test reports: a <testsuite> per checked file (and per glossary), a failing
// <testcase> per violation at or above --fail-on, a passing one (with the message in <system-out>)
// per violation below it, and one passing case for a file with nothing to report.
// fast-xml-parser's builder escapes markup; characters XML 1.0 cannot hold at all (C0 controls,
// U+FFFE/U+FFFF, lone surrogates), which segment text may carry, become U+FFFD before it builds.
import { XMLBuilder } from 'fast-xml-parser';
import { xml } from '../../export/index.ts';
import { t } from '../../i18n/index.ts';
import { atLeast, type CheckResult, type Severity, type Violation } from '../types.ts';
import { segmentLabel } from './label.ts';

export interface JunitOptions {
  /** Files checked, in order, so clean files are listed too. */
  files: string[];
  /** Segments read from each file. */
  segmentsPerFile: Map<string, number>;
  /** Which of the files are glossaries (their clean case says so). */
  glossaries?: string[];
}

type Node = Record<string, unknown>;
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/** The tree with every string XML-safe (the builder would write a U+0001 as it is, and no parser reads that). */
function xmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return xml.replaceNonXmlChars(value);
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [xmlSafe(k), xmlSafe(v)]));
  return value;
}

function details(v: Violation): string {
  const lines = [
    v.file !== undefined ? `${v.file}${v.line !== undefined ? `:${v.line}` : ''}` : undefined,
    v.segment !== null ? `${t('check:report.segment')}: ${segmentLabel(v)}` : undefined,
    v.entry !== null ? `${t('check:report.entry')}: ${v.entry}` : undefined,
    v.src !== null ? `${t('check:side.src')}: ${v.src}` : undefined,
    v.tgt !== null ? `${t('check:side.tgt')}: ${v.tgt}` : undefined,
  ];
  return lines.filter((l) => l !== undefined).join('\n');
}

function testcase(v: Violation, suite: string, failOn: Severity): Node {
  const name = [segmentLabel(v) ?? v.entry ?? suite, v.rule, v.segment && v.entry ? v.entry : undefined].filter(Boolean).join(' ');
  const node: Node = { '@classname': `tandem.check.${v.rule}`, '@name': name, '@file': suite };
  if (v.line !== undefined) node['@line'] = v.line;
  node['@time'] = 0;
  if (atLeast(v.severity, failOn)) node.failure = { '@type': v.rule, '@message': v.message, '#text': details(v) };
  else node['system-out'] = `${v.severity}: ${v.message}\n${details(v)}`;
  return node;
}

export function toJunit(result: CheckResult, options: JunitOptions): string {
  const { failOn } = result.summary;
  const bySuite = new Map<string, Violation[]>(options.files.map((f) => [f, []]));
  for (const v of result.violations) {
    const suite = v.file ?? 'tandem';
    const list = bySuite.get(suite);
    if (list) list.push(v); else bySuite.set(suite, [v]);
  }
  let tests = 0;
  let failures = 0;
  const testsuite = [...bySuite].map(([suite, violations]) => {
    const failing = violations.filter((v) => atLeast(v.severity, failOn)).length;
    const cases = violations.length
      ? violations.map((v) => testcase(v, suite, failOn))
      : [{
        '@classname': 'tandem.check', '@file': suite, '@time': 0,
        '@name': options.glossaries?.includes(suite) ? t('check:report.cleanGlossary') : t('check:report.clean', { count: options.segmentsPerFile.get(suite) ?? 0 }),
      }];
    tests += cases.length;
    failures += failing;
    return { '@name': suite, '@tests': cases.length, '@failures': failing, '@errors': 0, '@skipped': 0, '@time': 0, testcase: cases };
  });
  const doc = { testsuites: { '@name': 'tandem check', '@tests': tests, '@failures': failures, '@errors': 0, '@time': 0, testsuite } };
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + builder.build(xmlSafe(doc));
}
