// Shared by the glossary tests: the shipped glossary, loaded once.
import { fileURLToPath } from 'node:url';
import { createMatcher, loadGlossaries } from '../../src/glossary/index.ts';
import { initI18n } from '../../src/i18n/index.ts';

// Messages are compared in English whatever the machine's locale.
initI18n('en');

export const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
export const BELARUS = repo('glossaries/belarus-2020.yaml');
export const glossary = await loadGlossaries([BELARUS]);
export const matcher = createMatcher(glossary);
export const entries = (text: string, lang: string) => matcher.find(text, lang).map((m) => `${m.entry}:${m.surface}`);
