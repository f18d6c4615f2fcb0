import { describe, expect, it } from 'vitest';
import { detectDocumentSentences, detectParagraph, detectParagraphs, detectScored, documentLanguage, openingLanguage,
  ownLanguages, scanDocument } from '../../src/language/index.ts';

const FOUR = { languages: ['en', 'ru', 'uk', 'be'] };

// An English report quoting a Russian caption, one sentence per entry, `para` grouping them.
const REPORT = [
  { para: 0, text: 'Workers at the Grodno Azot plant walked off the job on Friday morning.' },
  { para: 0, text: 'They gathered outside the main gate and chanted slogans against the election result.' },
  { para: 1, text: 'Фото: Катерина Гордеева, рабочие вышли на забастовку у проходной завода.' },
  { para: 2, text: 'Leave!' },
  { para: 2, text: 'By noon the crowd had grown to several hundred people, and the police kept their distance.' },
];

describe('paragraph evidence built from its sentences', () => {
  it('gives the paragraph the same probabilities as detecting its whole text', () => {
    // Words and letters add up, so the paragraph is never read again after its sentences.
    for (const text of [REPORT.slice(0, 2).map((s) => s.text).join(' '),
      'Outside the plant the crowd chanted «Мы его не выбирали» as the director walked past. Then everyone went home.',
      'Рабочыя выйшлі на плошчу. Яны патрабавалі сумленных выбараў!  Людзі стаялі ў чарзе.']) {
      const whole = detectScored(text, { ...FOUR, prior: { en: 0.5, ru: 0.5 } });
      const paragraph = detectParagraph(text, { ...FOUR, prior: { en: 0.5, ru: 0.5 } });
      expect(paragraph.probabilities).toEqual(whole.probabilities);
    }
  });

  it('counts text between the given sentences, too', () => {
    const text = 'Рабочыя выйшлі на плошчу і патрабавалі сумленных выбараў. Людзі стаялі ў чарзе каля крамы.';
    // Only the second sentence is handed over: the first is still part of the paragraph's evidence.
    const second = text.indexOf('Людзі');
    const d = detectParagraph(text, FOUR, [{ start: second, end: text.length, text: text.slice(second) }]);
    expect(d.probabilities).toEqual(detectScored(text, FOUR).probabilities);
    expect(d.sentences).toHaveLength(1);
  });
});

describe('scanned documents (the pipeline\'s detect stage)', () => {
  it('gives each sentence the language detectParagraphs gives it on the paragraphs joined by a space', () => {
    const options = { ...FOUR, prior: { en: 1 } };
    const paragraphs = [0, 1, 2].map((p) => REPORT.filter((s) => s.para === p).map((s) => s.text).join(' '));
    const expected = detectParagraphs(paragraphs, options).flatMap((p) => p.sentences.map(({ lang, confidence }) => ({ lang, confidence })));
    const got = detectDocumentSentences(scanDocument(REPORT, FOUR.languages), options);
    expect(got).toEqual(expected);
    expect(got.map((s) => s.lang)).toEqual(['en', 'en', 'ru', 'en', 'en']);
  });

  it('agrees with detectParagraphs with or without a prior, on paragraphs with no words and a language listed twice', () => {
    const sentences = [...REPORT, { para: 3, text: '14.08.2020 12:30' }, { para: 4, text: 'Так.' }, { para: 4, text: 'Жыве Беларусь!' }];
    const paragraphs = [0, 1, 2, 3, 4].map((p) => sentences.filter((s) => s.para === p).map((s) => s.text).join(' '));
    for (const languages of [FOUR.languages, ['ru', 'en', 'be', 'ru']]) {
      for (const prior of [undefined, {}, { ru: 0.5, be: 0.5 }]) {
        const options = { languages, prior };
        const expected = detectParagraphs(paragraphs, options).flatMap((p) => p.sentences.map(({ lang, confidence }) => ({ lang, confidence })));
        expect(detectDocumentSentences(scanDocument(sentences, languages), options), JSON.stringify(options)).toEqual(expected);
      }
    }
  });

  it('names an English report quoting Russian English, sentence by sentence without a prior too', () => {
    const scan = scanDocument(REPORT, FOUR.languages);
    expect(openingLanguage(scan, { outside: 'code' })).toBe('en');
    expect(ownLanguages(scan)).toEqual(['en', 'en', 'ru', 'en', 'en']);
  });

  it('names a document outside the candidates by its own language', () => {
    const german = ['Der Hund schläft im Garten, und die Katze sitzt den ganzen Tag auf dem Dach.',
      'Am Abend kommen die Kinder nach Hause und essen gemeinsam mit den Eltern.'].map((text) => ({ para: 0, text }));
    expect(openingLanguage(scanDocument(german, ['en', 'ru']), { outside: 'code' })).toBe('de');
    expect(openingLanguage(scanDocument(german, ['en', 'ru']))).toBe('und');
  });

  it('names a long German or French document by its own language, not English', () => {
    // franc's scores bunch up on long text (English gets 0.95 of German's here), so a ratio that
    // keeps a sentence out let a whole German article through as English.
    const german = ['Am Freitagmorgen legten die Arbeiter des Traktorenwerks in Minsk die Arbeit nieder.',
      'Sie versammelten sich vor dem Haupttor und forderten neue Wahlen.', 'Die Polizei hielt sich zunächst zurück.',
      'Gegen Mittag zogen mehrere hundert Menschen in die Innenstadt, wo sich ihnen Studenten und Ärzte anschlossen.',
      'Viele trugen weiße Bänder und Blumen, manche hatten ihre Kinder mitgebracht.',
      'Ein älterer Mann sagte, er habe so etwas in seinem ganzen Leben noch nicht gesehen.',
      'Am Abend kehrten die meisten nach Hause zurück, doch für den nächsten Tag war ein weiterer Streik angekündigt.',
      'Die Regierung sprach von bezahlten Provokateuren aus dem Ausland.'];
    const french = ['Vendredi matin, les ouvriers de l\'usine de tracteurs de Minsk ont cessé le travail.',
      'Ils se sont rassemblés devant la grille principale et ont réclamé de nouvelles élections.',
      'La police est d\'abord restée à l\'écart.', 'Vers midi, plusieurs centaines de personnes ont marché vers le centre, où des étudiants et des médecins les ont rejoints.',
      'Beaucoup portaient des rubans blancs et des fleurs, certains étaient venus avec leurs enfants.',
      'Un homme âgé a dit qu\'il n\'avait jamais rien vu de tel de toute sa vie.',
      'Le soir, la plupart sont rentrés chez eux, mais une nouvelle grève était annoncée pour le lendemain.'];
    const asDocument = (sentences: string[]) => scanDocument(sentences.map((text, k) => ({ para: k >> 1, text })), FOUR.languages);
    expect(documentLanguage(asDocument(german))).toBe('de');
    expect(documentLanguage(asDocument(french))).toBe('fr');
    // The same length of English, names and all, stays English.
    expect(documentLanguage(asDocument([...REPORT.map((s) => s.text), 'Sviatlana Tsikhanouskaya, Maryia Kalesnikava and Veranika Tsapkala stood together in Minsk.',
      'Siarhei Tsikhanouski and Viktar Babaryka were barred from the ballot in Hrodna, Homiel and Mahiliou.']))).toBe('en');
  });

  it('says und for a document with no words', () => {
    expect(openingLanguage(scanDocument([{ para: 0, text: 'https://t.co/x 14.08.2020' }], FOUR.languages))).toBe('und');
    expect(openingLanguage(scanDocument([], FOUR.languages))).toBe('und');
  });
});
