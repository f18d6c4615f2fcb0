// Provider setting errors speak the UI language (--lang ru), and a memory glob that matches nothing
// is reported in one line instead of passing in silence.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/i18n/index.ts';
import { createProviderChain, loadMemories } from '../../src/translate/index.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'tandem-settings-'));

describe('translate provider settings messages', () => {
  afterEach(() => { initI18n('en'); });

  it('are in Russian under --lang ru, for every kind of provider', async () => {
    initI18n('ru');
    const base = dir();
    await expect(createProviderChain([{ type: 'tm', memories: ['missing.tmx'] }], { baseDir: base })).rejects.toThrow("провайдер перевода 'tm': missing.tmx: нет такого файла");
    await expect(createProviderChain([{ type: 'tm', memories: [], minMatch: 120 }], { baseDir: base })).rejects.toThrow("'minMatch' должен быть числом от 1 до 100");
    await expect(createProviderChain([{ type: 'http', protocol: 'deepl' }], { env: {} })).rejects.toThrow('нет ключа API; задайте DEEPL_API_KEY');
    await expect(createProviderChain([{ type: 'http', protocol: 'libretranslate' }], { env: {} })).rejects.toThrow('не задан адрес; задайте LIBRETRANSLATE_URL');
    await expect(createProviderChain([{ type: 'http', protocol: 'babel' }], { env: {} })).rejects.toThrow("'protocol' должен быть одним из");
    await expect(createProviderChain([{ type: 'apertium', modes: 'x' }], {})).rejects.toThrow("провайдер перевода 'apertium': 'modes'");
    await expect(createProviderChain([{ type: 'babelfish' }])).rejects.toThrow('неизвестный провайдер перевода «babelfish»');
    await expect(createProviderChain([{} as never])).rejects.toThrow("у провайдера перевода нет поля 'type'");
    await expect(createProviderChain('tm' as never)).rejects.toThrow("'translate.providers' должно быть списком");
  });

  it('stay in English by default', async () => {
    await expect(createProviderChain([{ type: 'tm', memories: ['missing.tmx'] }], { baseDir: dir() })).rejects.toThrow("translate provider 'tm': missing.tmx: no such file");
  });

  it('warn in one line when a memory glob matches no file', async () => {
    const warnings: string[] = [];
    const units = await loadMemories({ type: 'tm', memories: ['bad/nomatch*.tmx'] }, { baseDir: dir(), warn: (m) => warnings.push(m) });
    expect(units).toEqual([]);
    expect(warnings).toEqual(["translate provider 'tm': no file matches bad/nomatch*.tmx"]);
  });
});
