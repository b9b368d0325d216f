// File names every export is saved under (`--out`, the panels' Save): ASCII only, so that they survive any
// file system, archive and shell. "2016–2020" becomes "2016-2020", "Zürich" "Zurich".

/** Dashes to `-`, accents dropped, every other character but letters, digits, `.`, `_` and `-` as `_`. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
}
