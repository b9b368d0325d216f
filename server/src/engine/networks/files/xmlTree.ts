// A small XML reader for GraphML and GEXF: elements with their attributes, text and line, namespaces prefixes
// dropped. Enough for these formats (no DTD expansion: a DOCTYPE is skipped, and an undefined entity is an
// error, so a file cannot make the reader fetch or expand anything).
import { NetworkFileError } from './networkFile.js';

export interface XmlElement { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string; line: number }

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, line: number): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|\w+);|&/gi, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new NetworkFileError('a bare `&` (write `&amp;`)', line);
    if (ref[0] !== '#') {
      const c = ENTITIES[ref];
      if (c === undefined) throw new NetworkFileError(`unknown entity ${whole}`, line);
      return c;
    }
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code <= 0x10ffff)) throw new NetworkFileError(`bad character reference ${whole}`, line);
    return String.fromCodePoint(code);
  });
}

// Sticky: matched where the reader stands (an attribute value may hold `>`).
const OPEN_TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s>]+)\s*>/y;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The document's root element; malformed markup is an error at its line. */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  let at = 0;
  const advance = (to: number) => {
    for (let k = at; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    at = to;
  };
  const skipPast = (end: string, what: string) => {
    const k = text.indexOf(end, at);
    if (k < 0) throw new NetworkFileError(`${what} is not closed`, line);
    advance(k + end.length);
  };
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunk = text.slice(at, lt < 0 ? text.length : lt);
    if (stack.length) stack.at(-1)!.text += decode(chunk, line);
    else if (chunk.trim() && chunk.trim() !== '\uFEFF') throw new NetworkFileError('text outside the root element', line);
    advance(lt < 0 ? text.length : lt);
    if (lt < 0) break;
    if (text.startsWith('<!--', at)) skipPast('-->', 'a comment');
    else if (text.startsWith('<![CDATA[', at)) {
      const k = text.indexOf(']]>', at);
      if (k < 0 || !stack.length) throw new NetworkFileError('a CDATA section outside an element or not closed', line);
      stack.at(-1)!.text += text.slice(at + 9, k);
      advance(k + 3);
    } else if (text.startsWith('<?', at)) skipPast('?>', 'a processing instruction');
    else if (text.startsWith('<!', at)) skipPast('>', 'a declaration');
    else if (text.startsWith('</', at)) {
      CLOSE_TAG.lastIndex = at;
      const m = CLOSE_TAG.exec(text);
      const open = stack.pop();
      if (!m || !open || localName(m[1]) !== open.name) throw new NetworkFileError(`a closing tag ${m ? `</${m[1]}>` : ''} that does not close ${open ? `<${open.name}> (line ${open.line})` : 'any element'}`, line);
      advance(at + m[0].length);
    } else {
      OPEN_TAG.lastIndex = at;
      const m = OPEN_TAG.exec(text);
      if (!m) throw new NetworkFileError('a malformed tag', line);
      const element: XmlElement = { name: localName(m[1]), attributes: {}, children: [], text: '', line };
      for (const a of m[2].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) element.attributes[localName(a[1])] = decode((a[2] ?? a[3]).replace(/[\t\r\n]/g, ' '), line);
      if (stack.length) stack.at(-1)!.children.push(element);
      else if (root) throw new NetworkFileError('a second root element', line);
      else root = element;
      if (!m[3]) stack.push(element);
      advance(at + m[0].length);
    }
  }
  if (stack.length) throw new NetworkFileError(`<${stack.at(-1)!.name}> is not closed`, stack.at(-1)!.line);
  if (!root) throw new NetworkFileError('no XML element: the file is empty or not XML', 1);
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
