/**
 * Study attributes read from a file's name, as study teams name their files: `BU_pre_FGD_EN.docx` is a transcript
 * (FGD) from site BU, phase pre, in English; `KA-post-FN-2024-03-12.txt` is the field notes of a post focus group at
 * site KA on 12 March 2024. The import preview shows what was read for the user to confirm or change.
 *
 * The name is cut into tokens at "_", "-", ".", spaces and parentheses. A token is a site when it is a site code of the
 * project; failing that, the first token that looks like a site code (two to four capital letters, not a word this
 * module knows) is offered as a new site. A phase is a phase name of the project (or a usual synonym of "pre" or
 * "post" when the project has that phase); a kind is FGD, transcript, KII or interview (a transcript) or FN, notes,
 * field notes, observation (field notes); a language is an ISO 639-1 code or a language's English name from the
 * list below; a date is yyyy-mm-dd, yyyymmdd or dd.mm.yyyy. Anything else is ignored.
 */
import type { DocumentKind, Phase, Site, Uuid } from '../model/types.ts';

/** What a file name says about a document. Null where it says nothing. */
export interface FileNameAttributes {
  /** The document name: the file name without its extension. */
  readonly name: string;
  /** A site of the project named in the file name. */
  readonly siteId: Uuid | null;
  /** A site code in the file name that the project has not declared (offer to declare it), upper case. */
  readonly newSiteCode: string | null;
  readonly phaseId: Uuid | null;
  readonly kind: DocumentKind | null;
  /** A language's English name, e.g. "English". */
  readonly language: string | null;
  /** ISO yyyy-mm-dd. */
  readonly date: string | null;
}

/** ISO 639-1 codes of languages of multi-site mental-health studies, with their English names. */
export const LANGUAGES: Readonly<Record<string, string>> = {
  AR: 'Arabic', AM: 'Amharic', BN: 'Bengali', DE: 'German', EN: 'English', ES: 'Spanish', FA: 'Persian', FR: 'French',
  HE: 'Hebrew', HI: 'Hindi', IT: 'Italian', LG: 'Luganda', NL: 'Dutch', PT: 'Portuguese', RU: 'Russian', RW: 'Kinyarwanda',
  SN: 'Shona', SO: 'Somali', SW: 'Swahili', TR: 'Turkish', UR: 'Urdu', XH: 'Xhosa', YO: 'Yoruba', ZU: 'Zulu', ZH: 'Chinese',
  NY: 'Chichewa', AF: 'Afrikaans', TA: 'Tamil', TE: 'Telugu', MR: 'Marathi', GU: 'Gujarati', PA: 'Punjabi', ID: 'Indonesian',
};

const LANGUAGE_NAMES = new Map(Object.values(LANGUAGES).map((name) => [name.toLowerCase(), name]));

const LANGUAGE_TAGS = new Map([
  ...Object.entries(LANGUAGES).map(([code, name]) => [name.toLowerCase(), code.toLowerCase()] as const),
  // The names the languages' own speakers (and many study teams) use.
  ['kiswahili', 'sw'],
  ['isizulu', 'zu'],
  ['isixhosa', 'xh'],
  ['farsi', 'fa'],
]);

/**
 * The BCP 47 tag of a language as users name it ("Hebrew" gives "he", "he" stays "he"), so a browser picks the
 * script's fonts and rules; null for a language it does not know (then no tag is claimed rather than a wrong one).
 */
export function languageTag(language: string): string | null {
  const name = language.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(name) && LANGUAGES[name.toUpperCase()]) return name;
  return LANGUAGE_TAGS.get(name) ?? null;
}

const TRANSCRIPT_TOKENS = /^(?:fgd|fg|fgds|transcripts?|transcription|tr|kii|interview|idi)\d{0,3}$/i;
const FIELD_NOTE_TOKENS = /^(?:fn|fieldnotes?|notes?|observations?|obs)\d{0,3}$/i;

/** Synonyms of the usual two phases; a synonym counts only when the project has a phase of that name. */
const PHASE_SYNONYMS: Readonly<Record<string, string>> = {
  baseline: 'pre', before: 'pre', t0: 'pre', pre: 'pre', preimplementation: 'pre',
  post: 'post', after: 'post', endline: 'post', followup: 'post', t1: 'post', postimplementation: 'post',
};

/** Reads the study attributes that a file name gives, against the project's sites and phases. */
export function attributesFromFileName(fileName: string, sites: readonly Site[], phases: readonly Phase[]): FileNameAttributes {
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const date = findDate(name);
  const tokens = name.split(/[\s_.()[\]-]+/).filter((token) => token.length > 0);
  const joined = tokens.map((token) => token.toLowerCase());

  let siteId: Uuid | null = null;
  let phaseId: Uuid | null = null;
  let kind: DocumentKind | null = null;
  let language: string | null = null;
  const used = new Set<number>();

  // Phases first, also over two tokens ("follow-up", "pre-implementation"), so their parts are not read as sites.
  const phaseByName = new Map(phases.map((phase) => [phase.name.toLowerCase().replace(/[\s_-]+/g, ''), phase]));
  for (let i = 0; i < joined.length && phaseId === null; i++) {
    for (const width of [2, 1]) {
      if (i + width > joined.length) continue;
      const candidate = joined.slice(i, i + width).join('');
      const phase = phaseByName.get(candidate) ?? phaseByName.get(PHASE_SYNONYMS[candidate] ?? '');
      if (phase) {
        phaseId = phase.id;
        for (let k = i; k < i + width; k++) used.add(k);
        break;
      }
    }
  }

  const siteByCode = new Map(sites.map((site) => [site.code.toUpperCase(), site]));
  tokens.forEach((token, i) => {
    if (used.has(i)) return;
    const upper = token.toUpperCase();
    if (siteId === null && siteByCode.has(upper)) {
      siteId = (siteByCode.get(upper) as Site).id;
      used.add(i);
    } else if (kind === null && TRANSCRIPT_TOKENS.test(token)) {
      kind = 'transcript';
      used.add(i);
    } else if (kind === null && FIELD_NOTE_TOKENS.test(token)) {
      kind = 'field-notes';
      used.add(i);
    }
  });
  // "field notes" as two words.
  for (let i = 0; i + 1 < joined.length && kind === null; i++) {
    if (joined[i] === 'field' && /^notes?$/.test(joined[i + 1] ?? '')) {
      kind = 'field-notes';
      used.add(i).add(i + 1);
    }
  }
  tokens.forEach((token, i) => {
    if (used.has(i) || language !== null) return;
    const byCode = /^[A-Za-z]{2}$/.test(token) ? LANGUAGES[token.toUpperCase()] : undefined;
    const byName = LANGUAGE_NAMES.get(token.toLowerCase());
    // A two-letter code counts only after the site (a site such as "BU" comes first in a file name).
    if (byName || (byCode && i > 0)) {
      language = byName ?? byCode ?? null;
      used.add(i);
    }
  });

  let newSiteCode: string | null = null;
  if (siteId === null) {
    const index = tokens.findIndex((token, i) => !used.has(i) && /^[A-Z]{2,4}$/.test(token));
    if (index >= 0) newSiteCode = tokens[index] ?? null;
  }
  return { name, siteId, newSiteCode, phaseId, kind, language, date };
}

function findDate(name: string): string | null {
  const iso = /(?:^|[^\d])(\d{4})-?(\d{2})-?(\d{2})(?:[^\d]|$)/.exec(name);
  const european = /(?:^|[^\d])(\d{2})\.(\d{2})\.(\d{4})(?:[^\d]|$)/.exec(name);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}
