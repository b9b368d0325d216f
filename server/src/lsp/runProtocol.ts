// The messages the editor and the language server exchange about runs, beyond LSP. Shared by both sides,
// so it imports nothing.

/** Request: run a spec (or the named declarations); answers with the results file. */
export const RUN_REQUEST = 'innograph/run';
export interface RunParams { uri: string; only?: string[] }

/** Notification from the server while a run goes on. */
export const RUN_PROGRESS = 'innograph/runProgress';
export interface RunProgress { uri: string; message: string; done: number; total: number }

/** Notification from the editor when the user grants workspace trust. */
export const TRUST_NOTIFICATION = 'innograph/trust';
export interface TrustParams { trusted: boolean }
