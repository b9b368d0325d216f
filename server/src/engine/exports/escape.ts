// One escaping rule per text format, for every user string an export writes (names, labels, titles, cells):
// shared by the regression tables, the result tables, the HTML report and the panels' exports. XML (GEXF,
// GraphML) is escaped in xml.ts, CSV fields in csv.ts, Pajek names in pajek.ts.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe as HTML element content and inside a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);

/**
 * Text safe inside a Markdown (CommonMark / GFM) table cell or emphasis: punctuation that could open raw
 * HTML (`<`), an entity (`&`), a link or image (`[`), emphasis, code, a strike-through, a table column (`|`)
 * or an escape is backslash-escaped, and line breaks (which would end the table row) become spaces.
 */
export const escapeMarkdown = (text: string) => text.replace(/\r\n?|\n/g, ' ').replace(/[\\|*_`~[\]<>&]/g, (ch) => `\\${ch}`);

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '{': '\\{', '}': '\\}',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}', '<': '$<$', '>': '$>$',
  // After a row's `\\`, LaTeX reads a `[` or `*` opening the next cell as that command's argument.
  '[': '{[}', ']': '{]}', '*': '{*}',
  '²': '$^2$', 'θ': '$\\theta$', 'α': '$\\alpha$', 'χ': '$\\chi$', 'σ': '$\\sigma$', '−': '$-$', '×': '$\\times$',
};

/** Text safe in LaTeX text mode: specials as commands, line breaks (a blank line ends a table cell's paragraph) as spaces. */
export function escapeLatex(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\&%$#_{}~^<>[\]*²θαχσ−×]/g, (ch) => LATEX_SPECIALS[ch]);
}
