// A regression table as a Word document (.docx), from the same formatted grid as the text formats: booktabs
// rules (thick top and bottom, thin under the head and above the statistics), stars as superscript, the same
// note lines under it.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RegressionTable } from '../../results/format.js';
import { formatRegression, noteLines, type FormattedCell } from './regressionTable.js';

const NO_BORDERS = { top: { style: BorderStyle.NONE }, bottom: { style: BorderStyle.NONE }, left: { style: BorderStyle.NONE }, right: { style: BorderStyle.NONE }, insideHorizontal: { style: BorderStyle.NONE }, insideVertical: { style: BorderStyle.NONE } };
const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });

/** `below`: the thin rule under the head; `above`: the thin rule over the statistics. */
function row(label: string, cells: FormattedCell[], thinRule?: 'below' | 'above'): TableRow {
  const borders = thinRule === 'below' ? { bottom: rule(4) } : thinRule === 'above' ? { top: rule(4) } : {};
  const cell = (runs: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => new TableCell({ borders, children: [new Paragraph({ alignment, children: runs })] });
  return new TableRow({
    children: [
      cell([new TextRun(label)], AlignmentType.LEFT),
      ...cells.map((c) => cell([new TextRun(c.text), ...(c.stars ? [new TextRun({ text: c.stars, superScript: true })] : [])], AlignmentType.CENTER)),
    ],
  });
}

export async function regressionDocx(table: RegressionTable): Promise<Uint8Array> {
  const f = formatRegression(table);
  const plain = (texts: string[]) => texts.map((text) => ({ text, stars: '' }));
  const rows = [
    ...f.head.map(([label, ...cells], i) => row(label, plain(cells), i === f.head.length - 1 ? 'below' : undefined)),
    ...f.coefficients.map((r) => row(r.label, r.cells)),
    ...f.stats.map((r, i) => row(r.label, r.cells, i === 0 ? 'above' : undefined)),
  ];
  const document = new Document({
    sections: [{
      children: [
        ...(f.title ? [new Paragraph({ children: [new TextRun({ text: f.title, bold: true })] })] : []),
        new Table({ rows, borders: { ...NO_BORDERS, top: rule(12), bottom: rule(12) }, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ...noteLines(f).map((text) => new Paragraph({ children: [new TextRun({ text, size: 18 })] })),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
