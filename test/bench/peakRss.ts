// Peak resident memory per benchmark step: Linux lets a process reset its peak RSS (VmHWM), which makes
// the peak of each step exact; elsewhere the peak is the process's so far.
import { readFileSync, writeFileSync } from 'node:fs';

export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak stays the process's.
  }
}

export function peakRssMiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}
