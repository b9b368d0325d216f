// The XML writing the GEXF and GraphML exporters share: one escaping rule for every user string, and a
// tiny element builder so neither writer concatenates markup by hand.

// Characters XML 1.0 cannot carry at all, not even as references (C0 controls but tab, LF, CR; U+FFFE,
// U+FFFF; unpaired surrogates). They become U+FFFD so a file always parses.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Text safe both as element content and inside a double-quoted attribute. Tab, LF and CR are written as
 * character references because a parser normalises them to spaces in attribute values.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]);
}

export type XmlAttributes = Readonly<Record<string, string | number | undefined>>;

/**
 * One element; attributes left undefined are omitted, children are indented one level per depth (safe:
 * escaped text never holds a raw line break, so indenting cannot change a value).
 */
export function element(name: string, attributes: XmlAttributes = {}, children: readonly string[] | string = []): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (typeof children === 'string') return `<${name}${attrs}>${escapeXml(children)}</${name}>`;
  if (children.length === 0) return `<${name}${attrs}/>`;
  const inner = children.map((c) => c.replace(/^/gm, '  ')).join('\n');
  return `<${name}${attrs}>\n${inner}\n</${name}>`;
}

export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
