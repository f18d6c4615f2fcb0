// The creation tool named in TMX headers and XLIFF metadata: tandem and its package version.
import { readFileSync } from 'node:fs';

export const TOOL_NAME = 'tandem';
export const TOOL_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
