// Chinese invention-application numbers, "CN" + filing year + "1" + 7-digit
// serial (e.g. CN201510123456). Serials increase with random gaps, as real
// ones do, and are unique within a year by construction.
import type { Rng } from '../prng.js';

const MAX_SERIAL = 9_999_999;

export class ChinesePatentIds {
  private year = -1;
  private serial = 0;
  private maxGap = 1;

  constructor(private readonly rng: Rng) {}

  /** Call once per patent, in year order; `yearCount` sizes the gaps so serials never overflow 7 digits. */
  next(year: number, yearCount: number): string {
    if (year !== this.year) {
      this.year = year;
      this.serial = this.rng.int(0, 9_999);
      this.maxGap = Math.max(1, Math.min(40, Math.floor((MAX_SERIAL - 10_000) / Math.max(1, yearCount))));
    }
    this.serial += this.rng.int(1, this.maxGap);
    if (this.serial > MAX_SERIAL) throw new Error(`more than ${MAX_SERIAL} patents in ${year}`);
    return `CN${year}1${String(this.serial).padStart(7, '0')}`;
  }
}
