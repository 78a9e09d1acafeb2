/**
 * The vocabulary of synthetic studies: sites, coders, and the sentence parts from which focus-group talk about peer
 * support work is built. The sentences are invented but plausible, so that screens, exports and benchmarks look and
 * behave as they would with a real study (realistic word and sentence lengths, speakers, notes, timestamps).
 */

/** A site of the synthetic study: citation code, place, and the language its focus groups are held in. */
export interface SynthSite {
  readonly code: string;
  readonly name: string;
  readonly language: string;
}

/** Six sites of a multi-site peer-support study. */
export const SYNTH_SITES: readonly SynthSite[] = [
  { code: 'BU', name: 'Butabika, Uganda', language: 'Luganda' },
  { code: 'HH', name: 'Hamburg, Germany', language: 'German' },
  { code: 'BS', name: 'Be’er Sheva, Israel', language: 'Hebrew' },
  { code: 'PU', name: 'Pune, India', language: 'Marathi' },
  { code: 'FT', name: 'Freetown, Sierra Leone', language: 'Krio' },
  { code: 'DA', name: 'Dar es Salaam, Tanzania', language: 'Swahili' },
];

/** Names and initials of synthetic coders, in the order they are used. */
export const SYNTH_CODERS: readonly { readonly name: string; readonly initials: string }[] = [
  { name: 'Amara Nakato', initials: 'AN' },
  { name: 'Jonas Weber', initials: 'JW' },
  { name: 'Noa Levi', initials: 'NL' },
  { name: 'Priya Deshpande', initials: 'PD' },
  { name: 'Fatmata Kamara', initials: 'FK' },
  { name: 'Lena Schmidt', initials: 'LS' },
  { name: 'Samuel Okello', initials: 'SO' },
  { name: 'Ruth Mizrahi', initials: 'RM' },
];

/** Who took part in a focus group, rotating over the rounds of groups at one site. */
export const SYNTH_GROUPS: readonly string[] = ['peer support workers', 'mental health staff', 'service users', 'family members'];

/** Sentence openers (empty: the sentence starts with its subject). */
export const OPENERS: readonly string[] = [
  '', '', '', '', 'Honestly, ', 'For me, ', 'In the beginning, ', 'To be honest, ', 'Sometimes ', 'At our site, ',
  'In my experience, ', 'Actually, ', 'On the ward, ', 'Most of the time, ', 'I think ',
];

/** Subjects that agree with every verb phrase below (the verbs are past tense or modal). */
export const SUBJECTS: readonly string[] = [
  'I', 'we', 'the nurses', 'the psychiatrists', 'my supervisor', 'the service users', 'some of the staff',
  'the ward manager', 'our team', 'the other peer workers', 'the families', 'people in the community', 'the doctors',
  'the social worker', 'one of the patients',
];

/** Verb phrases about what happened (used after the intervention). */
export const PAST_VERBS: readonly string[] = [
  'tried to', 'wanted to', 'started to', 'needed to', 'had to', 'managed to', 'began to', 'found it hard to',
  'learned how to', 'did not know how to', 'slowly learned to', 'refused to', 'agreed to', 'forgot to',
];

/** Verb phrases about what is expected (used before the intervention). */
export const FUTURE_VERBS: readonly string[] = [
  'will need to', 'would like to', 'might struggle to', 'will have to', 'should be able to', 'may not be allowed to',
  'could learn to', 'will try to', 'would prefer to', 'will be expected to', 'will be asked to',
];

/** What peer support workers and their colleagues do. */
export const ACTIONS: readonly string[] = [
  'share a personal story of recovery', 'build trust with people on the ward', 'attend the weekly supervision meetings',
  'explain what a peer support worker does', 'work alongside the nurses', 'visit people at home after discharge',
  'talk openly about medication', 'keep clear boundaries with service users', 'speak up in the ward round',
  'run the recovery group on Thursdays', 'fill in the documentation', 'find time for self-care',
  'reach people in the villages', 'use the training manual', 'handle a crisis on the ward',
  'support families who were afraid', 'challenge the stigma in the community', 'ask the supervisor for help',
  'get paid on time', 'travel to the outreach clinic', 'take part in the team meetings', 'listen without judging',
  'plan the discharge together with the patient', 'adapt the training to our local situation',
];

/** Where or when something happened, with its leading space (empty: no context). */
export const CONTEXTS: readonly string[] = [
  '', '', '', ' after the training', ' during the first months', ' when the funding was delayed', ' on the acute ward',
  ' in the community', ' without a clear job description', ' because the staff did not understand our role',
  ' even when the ward was very busy', ' with the support of the team leader', ' because nobody had explained our role',
  ' once the hospital director supported us', ' when there was no transport money', ' in the local language',
  ' at the outpatient clinic', ' during the night shifts',
];

/** Clauses that carry a sentence on, with their leading comma (empty: none). */
export const TAILS: readonly string[] = [
  '', '', '', '', '', ', and that gave me hope', ', but it took a long time', ', so we talked about it in supervision',
  ', which made a big difference for the patients', ', but the pay was still a problem',
  ', and the nurses started to ask for our advice', ', although not everybody agreed', ', and I was proud of that',
];

/** Gerund phrases for "What helped most was ..." sentences. */
export const GERUNDS: readonly string[] = [
  'sharing my own story', 'being accepted by the nurses', 'having regular supervision', 'getting the transport allowance',
  'explaining our role again and again', 'working the same shifts as the nurses', 'keeping the boundaries',
  'learning how to write notes', 'meeting other peer workers from the region', 'having a room for the group',
  'knowing who to call in a crisis', 'being paid like other staff',
];

/** Topics people talk about. */
export const TOPICS: readonly string[] = [
  'what peer support workers are allowed to do', 'the role of lived experience', 'payment and contracts',
  'confidentiality', 'medication', 'the supervision structure', 'how to refer people to us', 'the training',
  'working hours', 'disclosure at work',
];

/** Other sentence patterns, with slots filled from the lists above. */
export const PATTERNS: readonly string[] = [
  'What helped most was {gerund}{context}.',
  'The biggest challenge was {gerund}{context}.',
  'There was a lot of {feeling} about {topic}{context}.',
  'I remember one {person} who {story}.',
  'We still talk a lot about {topic}{tail}.',
];

/** Feelings and reactions ("There was a lot of ... about"). */
export const FEELINGS: readonly string[] = ['discussion', 'confusion', 'resistance', 'curiosity', 'support', 'uncertainty', 'worry'];

/** People in stories. */
export const PERSONS: readonly string[] = ['young man', 'mother', 'patient', 'nurse', 'colleague', 'father', 'student'];

/** What the people in stories did. */
export const STORIES: readonly string[] = [
  'did not want to talk to anybody at first', 'came back to the group after discharge',
  'asked me how I had recovered', 'was surprised that I had been a patient here',
  'started to attend the recovery group every week', 'called me late at night because she was afraid',
  'told the doctor that our talks helped him more than the tablets',
];

/** The moderator's questions before the intervention. */
export const PRE_QUESTIONS: readonly string[] = [
  'Can you tell us what you expect from working as a peer support worker?',
  'What do you think the nurses and doctors will think about the peer support role?',
  'What could make it easier or harder to start the work?',
  'How do you imagine supervision will work at your site?',
  'What worries you most about the new role?',
  'How do you think the families will react to you?',
];

/** The moderator's questions after the intervention. */
export const POST_QUESTIONS: readonly string[] = [
  'How has your work as a peer support worker been since the last time we met?',
  'What do the nurses and doctors think about the peer support role now?',
  'What made it easier or harder to do the work?',
  'How does supervision work at your site?',
  'Can you give an example of a situation where your own experience helped somebody?',
  'What would you change about the training?',
];

/** Questions for every group. */
export const COMMON_QUESTIONS: readonly string[] = [
  'Is there anything else you would like to add?',
  'How do people in the community see mental illness?',
  'What did the hospital do to prepare for the peer support workers?',
];

/** The moderator's follow-up probes. */
export const PROBES: readonly string[] = [
  'Can you say more about that?', 'Does anybody see it differently?', 'What happened then?', 'How did that feel?',
  'Thank you. Who would like to go next?', 'Mm-hmm.', 'Why do you think that was?',
];

/** Transcriber's notes inside an utterance ({time} becomes the recording time). */
export const TRANSCRIBER_NOTES: readonly string[] = ['[laughter]', '[inaudible {time}]', '[crosstalk]', '[pause]'];

/** Sentences of field notes, with slots. */
export const FIELD_NOTE_SENTENCES: readonly string[] = [
  'The group met in the {room}.',
  'Two participants arrived late because of {delay}.',
  'The atmosphere was tense at the start and became more relaxed later.',
  'P{n} spoke a lot about {topic}.',
  'P{n} left early to attend a clinic appointment.',
  'Several participants nodded when {topic} came up.',
  'The discussion about {topic} was the longest of the session.',
  'The interpreter sometimes summarised long answers.',
  'Tea and snacks were served during the break.',
];

/** Standalone field-note remarks that open with "Note:" (not a speaker label). */
export const FIELD_NOTE_REMARKS: readonly string[] = [
  'Note: the recorder stopped for about two minutes.',
  'Note: it was raining heavily and the room was noisy.',
  'Note: one participant asked that her words about her family not be quoted.',
];

/** Rooms focus groups met in. */
export const ROOMS: readonly string[] = ['staff room', 'occupational therapy room', 'community hall', 'seminar room', 'outpatient waiting area'];

/** Why people were late. */
export const DELAYS: readonly string[] = ['heavy rain', 'a transport strike', 'a ward emergency', 'traffic', 'a staff meeting'];

/** Inductive code names that coders add under the framework's constructs. */
export const INDUCTIVE_CODE_NAMES: readonly string[] = [
  'Lived experience as expertise', 'Role ambiguity', 'Stigma from colleagues', 'Boundaries with service users',
  'Pay and recognition', 'Quality of supervision', 'Transport costs', 'Family attitudes', 'Hope and recovery',
  'Workload', 'Training gaps', 'Language barriers', 'Debates about medication', 'Disclosure decisions',
  'Career pathways', 'Peer network', 'Night shifts', 'Documentation burden', 'Trust from patients',
  'Support from leadership',
];

/** Colours of the code tree: one per CFIR domain, then colours for inductive codes. */
export const DOMAIN_COLOURS: readonly string[] = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f'];

/** Colours of inductive codes. */
export const INDUCTIVE_COLOURS: readonly string[] = ['#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#8cd17d', '#d37295'];
