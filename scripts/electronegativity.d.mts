/** Types of electronegativity.mjs (plain JavaScript so that plain Node runs it in the test command). */

/** A finding as Electronegativity's programmatic API reports it (the fields read here). */
export interface ElectronegativityIssue {
  readonly id: string;
  readonly file?: string;
  readonly location?: { readonly line: number; readonly column: number };
  readonly description?: string;
  readonly severity?: { readonly name: string; readonly value: number };
  readonly confidence?: { readonly name: string; readonly value: number };
}

/** Severity names, lowest first. */
export declare const SEVERITY_ORDER: readonly string[];

/** The findings at or above `threshold` (MEDIUM unless given): those that fail the check. */
export declare function blockingFindings<T extends ElectronegativityIssue>(issues: readonly T[], threshold?: string): T[];

/** One finding as one line. */
export declare function describeFinding(issue: ElectronegativityIssue): string;

/** The generated file that shows the scanner the real window options as a literal. */
export declare function windowOptionsProbe(options: unknown): string;

/** Every finding of a scan of `folder`, judged for the given Electron version. */
export declare function scanFolder(folder: string, electronVersion: string): Promise<ElectronegativityIssue[]>;
