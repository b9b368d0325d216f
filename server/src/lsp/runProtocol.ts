// The messages the editor and the language server exchange beyond LSP: checks, runs and New Study. Shared by both
// sides, so it imports nothing.

/**
 * Notification after each publication of a spec's diagnostics: `complete` is false while data files the
 * spec names are still being read (their column checks follow in a later publication). Clients that wait
 * for a spec's final diagnostics wait for `complete`, not for a quiet period.
 */
export const CHECKED = 'innograph/checked';
export interface CheckedParams { uri: string; version: number; complete: boolean }

/** Request: run a spec (or the named declarations); answers with the results file. */
export const RUN_REQUEST = 'innograph/run';
export interface RunParams { uri: string; only?: string[] }

/** Notification from the server while a run goes on. */
export const RUN_PROGRESS = 'innograph/runProgress';
export interface RunProgress { uri: string; message: string; done: number; total: number }

/** Request: the spec "New Study" proposes for a folder of data files (`folder` a file-system path). */
export const NEW_STUDY_REQUEST = 'innograph/newStudy';
export interface NewStudyParams { folder: string }
export interface NewStudyResult { text: string }

/** Notification from the editor when the user grants workspace trust. */
export const TRUST_NOTIFICATION = 'innograph/trust';
export interface TrustParams { trusted: boolean }
