import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import mammoth from 'mammoth';
import { citationLabels, CITATION_LABEL_ATTRIBUTE } from '#shared/coding/citation-labels';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { ALL_EXTRACTS, countExtracts, selectExtracts, type Extract, type ExtractChoices } from '#shared/export/extract-selection';
import { buildProjectIndex } from '#shared/index/project-index';
import { extractsDocx, noteText, quoteParagraph } from '#shared/export/extracts-docx';
import { DOCUMENT_STYLES, STYLE, isRightToLeft, textRuns } from '#shared/export/docx-parts';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { CSV_COLUMNS, extractsCsv } from '#shared/export/extracts-csv';
import { sitePacks } from '#shared/export/site-pack-docx';
import { codedTranscriptDocx } from '#shared/export/coded-transcript-docx';
import type { DocumentKind, Uuid } from '#shared/model/types';
import { exportStudy } from './export-study.ts';
import { quoteTexts, wordComments, wordParagraphs } from './word-reader.ts';

const study = exportStudy();
const { snapshot, documents, codes, coders } = study;
const siteId = (code: string) => snapshot.sites.find((s) => s.code === code)?.id as Uuid;
const phaseId = (name: string) => snapshot.phases.find((p) => p.name === name)?.id as Uuid;

const EMOJI = 'The nurses trusted them from the first week 😀 honestly.';
const HEBREW = 'אנחנו סומכים על העמיתים, הם מבינים אותנו.';
const TWO_PARAGRAPHS = 'Some staff felt the peers took their place.\nP2: It took months to settle.';

const wordOptions = { title: 'Coded extracts: Peer support study', subtitle: 'Exported for a test.', context: false, memos: true, definitions: true, ratings: false } as const;

describe('unique citation labels', () => {
  it('tells apart the documents of a site by phase, then kind, and leaves a lone document its site code', () => {
    const labels = citationLabels(snapshot, snapshot.documents);
    const of = (id: Uuid) => labels.get(id);
    expect(of(documents.buPre.id)).toEqual({ label: 'BU pre', stem: 'BU', phase: 'pre', phaseAfter: 'pre' });
    expect(of(documents.buPost.id)).toEqual({ label: 'BU post', stem: 'BU', phase: 'post', phaseAfter: 'post' });
    expect(of(documents.ksPre.id)).toEqual({ label: 'KS', stem: 'KS', phase: 'pre', phaseAfter: 'pre' });
    expect(of(documents.ksNotes.id)).toEqual({ label: 'KS FN', stem: 'KS FN', phase: 'pre', phaseAfter: 'pre' });
    expect(of(documents.taPre.id)).toEqual({ label: 'TA', stem: 'TA', phase: 'pre', phaseAfter: 'pre' });
  });

  it('numbers documents alike in site, phase and kind; a short label the user set counts only in the label style', () => {
    const second = { ...documents.ksPre, id: 'ks-second', name: 'KS_pre_FGD_2' };
    const own = { ...documents.buPre, attributes: { ...documents.buPre.attributes, extra: { [CITATION_LABEL_ATTRIBUTE]: 'A' } } };
    const labels = citationLabels(snapshot, [own, documents.buPost, documents.ksPre, second]);
    expect(labels.get(documents.ksPre.id)?.label).toBe('KS 1');
    expect(labels.get('ks-second')?.label).toBe('KS 2');
    expect(labels.get(own.id)?.label).toBe('BU pre');
    expect(labels.get(documents.buPost.id)?.label).toBe('BU post');
    const byLabel = { ...snapshot, project: { ...snapshot.project, citationStyle: { distinguishBy: 'label', phaseAfterParagraph: true } as const } };
    const labelled = citationLabels(byLabel, [own, documents.buPost, documents.ksPre, second]);
    expect(labelled.get(own.id)?.label).toBe('BU A');
    // The other BU document has no label of its own and is the only one without: the site code is enough.
    expect(labelled.get(documents.buPost.id)?.label).toBe('BU');
  });

  it('never gives two documents the same label, nor the same stem and phase (property)', () => {
    const sites = snapshot.sites;
    const phases = snapshot.phases;
    const documentArb = fc.record({
      site: fc.option(fc.constantFrom(...sites.map((s) => s.id)), { nil: null }),
      phase: fc.option(fc.constantFrom(...phases.map((p) => p.id)), { nil: null }),
      kind: fc.constantFrom<DocumentKind>('transcript', 'field-notes'),
      name: fc.string({ minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(documentArb, { maxLength: 12, selector: (d) => d.name }), (list) => {
        const docs = list.map((d, i) => ({
          id: `doc-${i}`,
          name: d.name,
          kind: d.kind,
          attributes: { siteId: d.site, phaseId: d.phase, language: '', date: '', extra: {} },
        }));
        const labels = citationLabels(snapshot, docs);
        expect(labels.size).toBe(docs.length);
        const values = [...labels.values()];
        expect(new Set(values.map((l) => l.label)).size).toBe(values.length);
        expect(new Set(values.map((l) => `${l.stem}\u0000${l.phase}`)).size).toBe(values.length);
      }),
    );
  });
});

describe('choosing and ordering extracts', () => {
  it('groups by code tree, then phase, then site, in document order, with unique citations', () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    const lines = selection.outline.map((entry) =>
      entry.kind === 'heading' ? `${entry.level} ${entry.title}` : `  ${entry.extract.citation} ${entry.extract.coder?.initials} ${entry.extract.text}`,
    );
    expect(lines).toEqual([
      '1 III Inner Setting',
      '2 III.B Relational Connections',
      '3 pre',
      '4 BU: Butabika',
      '  BU 2, pre GH The nurses trusted them',
      `  BU 2, pre AL ${EMOJI}`,
      '4 TA: Tel Aviv',
      `  TA 2, pre AL ${HEBREW}`,
      '2 III.C Communications',
      '3 pre',
      '4 BU: Butabika',
      '  BU 3, pre GH Some staff felt the peers took their place.',
      '4 KS: Kisumu',
      '  KS 2, pre AL We argue about who decides discharge.',
      '2 III.D Culture',
      '3 pre',
      '4 BU: Butabika',
      `  BU 3–4, pre AL ${TWO_PARAGRAPHS}`,
      '4 KS: Kisumu',
      '  KS FN 1, pre GH the ward manager sat in for ten minutes',
      '1 Peer pride',
      '2 post',
      '3 BU: Butabika',
      '  BU 2, post AL Now the peers run the Monday group on their own.',
    ]);
    expect(selection.extracts).toHaveLength(8);
    expect(selection.documents).toBe(5);
    expect(selection.codesWithExtracts).toBe(4);
    // Every codable CFIR 2.0 code but the three used is left out as empty.
    const codable = snapshot.codes.filter((c) => c.isCodable && !c.isHidden).length;
    expect(selection.emptyCodes).toBe(codable - 4);
  });

  it('groups by site then code, and by phase then code', () => {
    const bySite = selectExtracts(snapshot, { ...ALL_EXTRACTS, grouping: 'site-code' });
    const headings = (s: typeof bySite) => s.outline.filter((e) => e.kind === 'heading').map((e) => (e.kind === 'heading' ? `${e.level} ${e.title}` : ''));
    expect(headings(bySite)).toEqual([
      '1 BU: Butabika',
      '2 III Inner Setting',
      '3 III.B Relational Connections',
      '3 III.C Communications',
      '3 III.D Culture',
      '2 Peer pride',
      '1 KS: Kisumu',
      '2 III Inner Setting',
      '3 III.C Communications',
      '3 III.D Culture',
      '1 TA: Tel Aviv',
      '2 III Inner Setting',
      '3 III.B Relational Connections',
    ]);
    const byPhase = selectExtracts(snapshot, { ...ALL_EXTRACTS, grouping: 'phase-code' });
    expect(headings(byPhase)).toEqual([
      '1 pre',
      '2 III Inner Setting',
      '3 III.B Relational Connections',
      '3 III.C Communications',
      '3 III.D Culture',
      '1 post',
      '2 Peer pride',
    ]);
    // Within a group, document order: BU before KS before TA, and by position within a document.
    const relational = byPhase.extracts.filter((e) => e.code.id === codes.trust.id).map((e) => e.citation);
    expect(relational).toEqual(['BU 2, pre', 'BU 2, pre', 'TA 2, pre']);
  });

  it('narrows to a code subtree, sites, phases, kinds, hand-picked documents, coders and speaker roles', () => {
    const pick = (choices: Partial<ExtractChoices>) => selectExtracts(snapshot, { ...ALL_EXTRACTS, ...choices }).extracts.map((e) => e.text);
    const innerSetting = snapshot.codes.find((c) => c.id === codes.trust.parentId)?.id as Uuid;
    expect(pick({ codeIds: [innerSetting] })).not.toContain('Now the peers run the Monday group on their own.');
    expect(pick({ codeIds: [codes.peerPride.id] })).toEqual(['Now the peers run the Monday group on their own.']);
    expect(pick({ filter: { ...NO_FILTER, siteIds: [siteId('KS')] } })).toEqual(['We argue about who decides discharge.', 'the ward manager sat in for ten minutes']);
    expect(pick({ filter: { ...NO_FILTER, phaseIds: [phaseId('post')] } })).toEqual(['Now the peers run the Monday group on their own.']);
    expect(pick({ filter: { ...NO_FILTER, kinds: ['field-notes'] } })).toEqual(['the ward manager sat in for ten minutes']);
    expect(pick({ documentIds: [documents.taPre.id] })).toEqual([HEBREW]);
    expect(pick({ filter: { ...NO_FILTER, coderIds: [coders[1].id] } })).toEqual([
      'The nurses trusted them',
      'Some staff felt the peers took their place.',
      'the ward manager sat in for ten minutes',
    ]);
    // Field notes have no speakers: a role filter drops them.
    expect(pick({ filter: { ...NO_FILTER, speakerRoles: ['participant'] } })).not.toContain('the ward manager sat in for ten minutes');
  });

  it('counts, without laying out, exactly the extracts the selection holds, for any choices (property)', () => {
    const index = buildProjectIndex(snapshot);
    const ids = <T extends { id: Uuid }>(items: readonly T[]) => fc.subarray(items.map((item) => item.id));
    const choicesArb = fc.record({
      codeIds: fc.subarray([codes.trust.id, codes.culture.id, codes.peerPride.id, codes.trust.parentId as Uuid]),
      documentIds: ids(snapshot.documents),
      caseIds: ids(snapshot.cases),
      filter: fc.record({
        siteIds: ids(snapshot.sites),
        phaseIds: ids(snapshot.phases),
        kinds: fc.subarray<DocumentKind>(['transcript', 'field-notes']),
        speakerRoles: fc.subarray(['moderator', 'participant', 'unknown'] as const),
        speakerAttribute: fc.constant(null),
        coderIds: ids(snapshot.coders),
      }),
      grouping: fc.constantFrom('code-phase-site' as const, 'site-code' as const, 'phase-code' as const),
      includeHidden: fc.boolean(),
    });
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const selection = selectExtracts(snapshot, choices, index);
        expect(countExtracts(snapshot, choices, index)).toEqual({ extracts: selection.extracts.length, documents: selection.documents });
        // Every heading has an extract beneath it before the next heading of its level or above.
        selection.outline.forEach((entry, i) => {
          if (entry.kind !== 'heading') return;
          const next = selection.outline.slice(i + 1).find((e) => e.kind === 'extract' || e.level <= entry.level);
          expect(next?.kind).toBe('extract');
        });
      }),
      { numRuns: 60 },
    );
  });

  it('carries the speaker, role, coder, memo and the other codes on the passage', () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    const emoji = selection.extracts.find((e) => e.text === EMOJI);
    expect(emoji?.speaker?.label).toBe('P1');
    expect(emoji?.speaker?.role).toBe('participant');
    expect(emoji?.coder?.name).toBe('Ada Lovelace');
    expect(emoji?.memos.map((m) => m.text)).toEqual(['Trust came early at BU.']);
    const culture = selection.extracts.find((e) => e.text === TWO_PARAGRAPHS);
    expect(culture?.otherCodes.map((c) => c.name)).toEqual(['Communications']);
    expect(culture?.paragraphLabel).toBe('BU 3–4');
  });
});

describe('the Word export of extracts', () => {
  it('writes the title page, headings, and every extract as its exact text followed by its citation', async () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    const bytes = await extractsDocx(snapshot, selection, wordOptions);
    const paragraphs = wordParagraphs(bytes);
    const texts = paragraphs.map((p) => p.text);
    expect(texts[0]).toBe('Coded extracts: Peer support study');
    expect(texts).toContain('Project: Peer support study');
    expect(texts).toContain('Codes: all codes');
    expect(texts.some((t) => /^8 extracts from 5 documents, under 4 codes\. \d+ codes have no extract in this selection and are left out\.$/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('Counts are codings'))).toBe(true);

    const headings = paragraphs.filter((p) => /^Heading\d$/.test(p.style)).map((p) => `${p.style.slice(7)} ${p.text}`);
    const outlineHeadings = selection.outline.flatMap((e) => (e.kind === 'heading' ? [`${e.level} ${e.title}`] : []));
    expect(headings).toEqual(outlineHeadings);

    // Each quote: speaker and role, the exact coded text, then the citation, in outline order.
    const quotes = quoteTexts(paragraphs).map((q) => q.quote);
    expect(quotes).toEqual(
      selection.extracts.map((e) => `${e.speaker ? `${e.speaker.label} (${e.speaker.role}): ` : ''}${e.text} (${e.citation})`),
    );
    expect(quotes).toContain(`P1 (participant): ${EMOJI} (BU 2, pre)`);
    expect(quotes).toContain(`P2 (participant): ${TWO_PARAGRAPHS} (BU 3–4, pre)`);
    expect(quotes).toContain(`P1 (participant): ${HEBREW} (TA 2, pre)`);
    expect(quotes).toContain('the ward manager sat in for ten minutes (KS FN 1, pre)');
    // The Hebrew quote reads right to left; the others do not.
    expect(paragraphs.find((p) => p.text.includes(HEBREW))?.bidi).toBe(true);
    expect(paragraphs.find((p) => p.text.includes(EMOJI))?.bidi).toBe(false);

    // Coder, other codes, memos, definitions.
    expect(quoteTexts(paragraphs).map((q) => q.note)).toContain('Coded by Grace Hopper · also coded: Culture · BU_pre_FGD');
    expect(texts).toContain('Memo (Ada Lovelace): Trust came early at BU.');
    expect(texts).toContain('Culture (Ada Lovelace): Mostly about status.');
    expect(texts.some((t) => t.startsWith('CFIR 2.0 definition: '))).toBe(true);

    // The same document read by mammoth, as Word-reading scripts do: the text and citation follow each other
    // (mammoth's raw text drops Word line breaks, so a passage over two paragraphs reads without its "\n").
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    for (const extract of selection.extracts) expect(raw).toContain(`${extract.text.replace(/\n/g, '')} (${extract.citation})`);
  });

  it('marks the coded words inside their whole paragraph when asked for context, and has page numbers and a contents', async () => {
    const selection = selectExtracts(snapshot, { ...ALL_EXTRACTS, documentIds: [documents.buPre.id] });
    const bytes = await extractsDocx(snapshot, selection, { ...wordOptions, context: true, memos: false, definitions: false });
    const quotes = quoteTexts(wordParagraphs(bytes)).map((q) => q.quote);
    expect(quotes).toContain('P1 (participant): The nurses trusted them from the first week 😀 honestly. (BU 2, pre)');
    const { docxParts } = await import('./word-reader.ts');
    const parts = docxParts(bytes);
    const xml = parts['word/document.xml'] ?? '';
    // The coded words are highlighted; the rest of the paragraph is not.
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?<w:t xml:space="preserve">The nurses trusted them<\/w:t>/);
    // A table of contents field over headings 1 to 3, already filled with the headings (for readers that do not
    // update fields), each entry linked to its heading.
    expect(xml).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(xml).toMatch(/<w:pStyle w:val="TOC2"\/>[\s\S]*?<w:t xml:space="preserve">III\.B Relational Connections<\/w:t>/);
    expect(Object.entries(parts).some(([name, text]) => name.startsWith('word/footer') && text.includes('PAGE'))).toBe(true);
  });

  it('says so when nothing matches, instead of writing empty sections', async () => {
    const selection = selectExtracts(snapshot, { ...ALL_EXTRACTS, filter: { ...NO_FILTER, coderIds: ['nobody'] } });
    expect(selection.outline).toEqual([]);
    const paragraphs = wordParagraphs(await extractsDocx(snapshot, selection, wordOptions));
    expect(paragraphs.filter((p) => /^Heading/.test(p.style))).toEqual([]);
    expect(paragraphs.map((p) => p.text)).toContain('No coded extract matches these choices.');
  });
});

describe('the prepared quote paragraphs', () => {
  it('write exactly the XML that docx writes for the same paragraph of TextRuns (emoji, Hebrew, two paragraphs)', async () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    // docx's own way: a Paragraph of TextRuns with the quote's styles, as the export wrote it before.
    const viaDocx = (extract: Extract) => {
      const rtl = isRightToLeft(extract.text);
      const speaker = extract.speaker ? `${extract.speaker.label} (${extract.speaker.role}): ` : '';
      return new Paragraph({
        style: STYLE.quote,
        bidirectional: rtl || undefined,
        children: [
          ...(speaker ? [new TextRun({ text: speaker, style: STYLE.speaker })] : []),
          ...textRuns(extract.text, { rightToLeft: rtl }),
          new TextRun({ text: ` (${extract.citation})`, style: STYLE.citation }),
          new TextRun({ text: noteText(extract), break: 1, style: STYLE.noteText }),
        ],
      });
    };
    const documentXml = async (paragraphs: Paragraph[]) =>
      strFromU8(unzipSync(new Uint8Array(await Packer.toArrayBuffer(new Document({ styles: DOCUMENT_STYLES, sections: [{ children: paragraphs }] }))))['word/document.xml'] as Uint8Array);
    const prepared = await documentXml(selection.extracts.map((e) => quoteParagraph(e, false)));
    expect(prepared).toContain('😀');
    expect(prepared).toContain('<w:bidi/>');
    expect(prepared).toBe(await documentXml(selection.extracts.map(viaDocx)));
  });
});

describe('ratings and cases in the Word export', () => {
  it('heads each rated construct’s section with its ratings per case, and states the legend, only when asked', async () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    const texts = (bytes: Uint8Array) => wordParagraphs(bytes).map((p) => p.text);
    const withRatings = texts(await extractsDocx(snapshot, selection, { ...wordOptions, ratings: true }));
    const at = (text: string) => withRatings.findIndex((t) => t === text || t.startsWith(text));
    // Under Relational Connections: BU then TA (the cases' order), before its extracts; Culture has BU's -1.
    const trust = at('III.B Relational Connections');
    expect(withRatings.slice(trust + 1, trust + 3)).toEqual(['Rating in BU: +2 (Nurses and peers trusted each other early.)', 'Rating in TA: +1 (Trust stated in general terms.)']);
    expect(withRatings[at('III.D Culture') + 1]).toBe('Rating in BU: -1 (Status worries slowed the start.)');
    // The method and the legend are on the title page, before the contents.
    expect(at('Ratings are CFIR construct ratings per case')).toBeGreaterThan(-1);
    expect(at('Ratings are CFIR construct ratings per case')).toBeLessThan(at('Contents'));
    expect(withRatings).toContain('+2: strong facilitating influence: most interviewees give concrete, explicit positive examples');
    expect(withRatings).toContain('M: missing: no data or too little to judge; left out of the cross-case comparison');
    const without = texts(await extractsDocx(snapshot, selection, wordOptions));
    expect(without.filter((t) => t.startsWith('Rating in '))).toEqual([]);
    expect(without.filter((t) => t.startsWith('Ratings are CFIR'))).toEqual([]);
  });

  it('narrows to the documents of the chosen cases, a site case or a hand-picked one, and says so', () => {
    const caseId = (name: string) => snapshot.cases.find((c) => c.name === name)?.id as Uuid;
    const documentsOf = (caseIds: Uuid[]) => [...new Set(selectExtracts(snapshot, { ...ALL_EXTRACTS, caseIds }).extracts.map((e) => e.document.name))].sort();
    expect(documentsOf([caseId('KS')])).toEqual(['KS_pre_FGD', 'KS_pre_notes']);
    expect(documentsOf([caseId('BU pre and post')])).toEqual(['BU_post_FGD', 'BU_pre_FGD']);
    expect(documentsOf([caseId('KS'), caseId('TA')])).toEqual(['KS_pre_FGD', 'KS_pre_notes', 'TA_pre_FGD']);
    // With a hand pick too, a document must be in both.
    expect(selectExtracts(snapshot, { ...ALL_EXTRACTS, caseIds: [caseId('BU pre and post')], documentIds: [documents.buPost.id, documents.ksPre.id] }).extracts.map((e) => e.document.name)).toEqual(['BU_post_FGD']);
    expect(selectExtracts(snapshot, { ...ALL_EXTRACTS, caseIds: [caseId('KS')] }).choices).toContainEqual(['Cases', 'KS']);
  });
});

describe('site validation packs', () => {
  it('writes one file per site with extracts, grouped by code, with plain definitions and a comments column', async () => {
    const packs = await sitePacks(snapshot, ALL_EXTRACTS, { subtitle: 'For validation.' });
    expect(packs.map((p) => [p.fileName, p.extracts])).toEqual([
      ['BU validation pack.docx', 5],
      ['KS validation pack.docx', 2],
      ['TA validation pack.docx', 1],
    ]);
    const ks = packs[1];
    if (!ks) throw new Error('a KS pack');
    const paragraphs = wordParagraphs(ks.bytes);
    const headings = paragraphs.filter((p) => /^Heading\d$/.test(p.style)).map((p) => `${p.style.slice(7)} ${p.text}`);
    expect(headings).toEqual(['1 III Inner Setting', '2 III.C Communications', '2 III.D Culture']);
    const texts = paragraphs.map((p) => p.text);
    expect(texts[0]).toBe('Validation pack: KS (Kisumu)');
    expect(texts.some((t) => t.startsWith('Comments from the site team'))).toBe(true);
    expect(texts).toContain('P1 (participant): We argue about who decides discharge. (KS 2, pre)');
    expect(texts).toContain('the ward manager sat in for ten minutes (KS FN 1, pre)');
    // The CFIR definition of Communications, in plain words, under its heading.
    const at = texts.indexOf('III.C Communications');
    expect(texts[at + 1]).toMatch(/^How good formal and informal information-sharing is/);
    expect(texts.join('\n')).not.toContain('Butabika');
  });
});

describe('one coded transcript', () => {
  it('shows each coding as a comment naming its codes and coder, over the words it codes', async () => {
    const bytes = await codedTranscriptDocx(snapshot, documents.buPre.id, { subtitle: 'For a colleague.', coderIds: [], includeHidden: false });
    const comments = wordComments(bytes);
    expect(comments).toEqual([
      { author: 'Grace Hopper', text: 'III.B Relational Connections' },
      { author: 'Ada Lovelace', text: 'III.B Relational Connections' },
      { author: 'Grace Hopper', text: 'III.C Communications' },
      { author: 'Ada Lovelace', text: 'III.D Culture' },
    ]);
    const paragraphs = wordParagraphs(bytes).map((p) => p.text);
    for (const [i, line] of documents.buPre.text.split('\n').entries()) expect(paragraphs).toContain(`${i + 1}\t${line}`);
    const xml = (await import('./word-reader.ts')).docxParts(bytes)['word/document.xml'] ?? '';
    // The two-paragraph coding starts in paragraph 3 and ends in paragraph 4.
    const start = xml.indexOf('<w:commentRangeStart w:id="3"/>');
    const end = xml.indexOf('<w:commentRangeEnd w:id="3"/>');
    expect(start).toBeLessThan(xml.indexOf('Some staff'));
    expect(start).toBeGreaterThan(xml.indexOf('from the first week'));
    expect(xml.slice(start, end)).toContain('It took months to settle.');
  });
});

describe('the CSV of extracts', () => {
  it('parses back with a real CSV parser to one row per extract, UTF-8 with a byte-order mark', () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    const csv = extractsCsv(selection);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(selection.extracts.length);
    const byText = new Map(rows.map((row) => [row[11], row]));
    expect(byText.get(TWO_PARAGRAPHS)).toEqual([
      'III Inner Setting › III.D Culture',
      '2.0.III.D',
      'BU_pre_FGD',
      'BU',
      'pre',
      'BU 3–4',
      'P2',
      'participant',
      'Ada Lovelace',
      String(selection.extracts.find((e) => e.text === TWO_PARAGRAPHS)?.coding.start),
      String(selection.extracts.find((e) => e.text === TWO_PARAGRAPHS)?.coding.end),
      TWO_PARAGRAPHS,
      '',
    ]);
    expect(byText.get(EMOJI)?.[12]).toBe('Trust came early at BU.');
    expect(byText.get(HEBREW)?.[5]).toBe('TA 2');
    // Offsets are code points: the emoji counts once.
    const emoji = rows.find((row) => row[11] === EMOJI);
    expect(Number(emoji?.[10]) - Number(emoji?.[9])).toBe([...EMOJI].length);
  });

  it('keeps a quote that looks like a formula from running as one', () => {
    const selection = selectExtracts(snapshot, ALL_EXTRACTS);
    const [first] = selection.extracts;
    if (!first) throw new Error('an extract');
    const csv = extractsCsv({ extracts: [{ ...first, text: '=HYPERLINK("x")' }, { ...first, text: '- yes, we did' }] });
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]?.[11]).toBe('\'=HYPERLINK("x")');
    expect(rows[2]?.[11]).toBe('- yes, we did');
  });
});
