// Cancellation inside the engine. Long computations take an optional `Checkpoint` and call it every
// iteration (a demeaning sweep, an IRLS step, a bootstrap or permutation draw, a Louvain restart …), so
// that a cancelled run stops within milliseconds; a checkpoint throws `Cancelled` once the run is cancelled.
// The engine does not know where the cancellation comes from: the runner builds the checkpoint from an
// AbortSignal and, in the worker thread, from a flag in shared memory (run/context.ts explains why).

/** Throws `Cancelled` when the computation it was given to should stop; otherwise returns at once. */
export type Checkpoint = () => void;

/** The checkpoint of computations that cannot be cancelled. */
export const NEVER_CANCELLED: Checkpoint = () => {};

/** The one cancellation error: thrown by checkpoints, and by the runner for an interrupted DuckDB query. */
export class Cancelled extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'Cancelled';
  }
}
