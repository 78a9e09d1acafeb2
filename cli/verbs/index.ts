/** The table of `tessera` verbs, in the order help lists them. A new verb is a module and a line here. */
import type { VerbDefinition } from '../verb.ts';
import { alignVerb } from './align.ts';
import { addOriginalVerb } from './add-original.ts';
import { alignOriginalVerb } from './align-original.ts';
import { agreementVerb } from './agreement.ts';
import { codebookVerb } from './codebook.ts';
import { importVerb } from './import.ts';
import { infoVerb } from './info.ts';
import { matrixVerb } from './matrix.ts';
import { inspectVerb } from './inspect.ts';
import { synthVerb } from './synth.ts';
import { exportWordVerb } from './export-word.ts';
import { ratingsVerb } from './ratings.ts';
import { mergeVerb } from './merge.ts';
import { exportSessionVerb } from './export-session.ts';
import { assignSpeakerVerb } from './assign-speaker.ts';
import { backupsVerb } from './backups.ts';
import { refiVerb } from './refi.ts';

/** Every verb of the command line. */
export const VERBS: readonly VerbDefinition[] = [
  inspectVerb,
  importVerb,
  assignSpeakerVerb,
  infoVerb,
  codebookVerb,
  synthVerb,
  alignVerb,
  addOriginalVerb,
  alignOriginalVerb,
  agreementVerb,
  matrixVerb,
  exportWordVerb,
  ratingsVerb,
  mergeVerb,
  exportSessionVerb,
  backupsVerb,
  refiVerb,
];
