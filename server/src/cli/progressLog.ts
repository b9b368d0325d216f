// The progress lines `innograph run` writes to stderr: each declaration as it starts, and for a long loop
// inside one (permutations, bootstrap resamples) as it starts and every tenth of the way with the time spent and an estimate
// of the time left, from the loop's pace so far.

export class ProgressLog {
  private loop: { started: number; startDone: number; shownTenths: number } | undefined;

  constructor(private readonly write: (line: string) => void, private readonly now: () => number = () => performance.now()) {}

  /** A declaration starts (`done` declarations before it of `total`); `done = total` ends the run. */
  declaration(message: string, done: number, total: number): void {
    this.loop = undefined;
    if (done < total) this.write(`[${done + 1}/${total}] ${message}`);
  }

  /** A loop has done `done` of `total` steps: a line as it starts, then each tenth of the way with its pace. */
  step(message: string, done: number, total: number): void {
    const now = this.now();
    if (!this.loop || done < this.loop.startDone) {
      this.loop = { started: now, startDone: done, shownTenths: Math.floor((done * 10) / total) };
      this.write(`  ${message}`);
      return;
    }
    const tenths = Math.floor((done * 10) / total);
    if (tenths <= this.loop.shownTenths || done === this.loop.startDone) return;
    this.loop.shownTenths = tenths;
    const elapsed = (now - this.loop.started) / 1000;
    const left = (elapsed / (done - this.loop.startDone)) * (total - done);
    this.write(`  ${message}: ${duration(elapsed)} so far, about ${duration(left)} left`);
  }
}

/** `0.4 s`, `38 s`, `2 min 05 s`, `1 h 02 min`. */
export function duration(seconds: number): string {
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
