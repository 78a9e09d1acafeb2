/**
 * Reading XML from other tools (REFI-QDA .qdc and .qde files) safely: in the browser and in Node, without a DOM.
 *
 * Hostile XML attacks through the DTD (billion laughs, external entities, remote DTDs), and REFI-QDA never needs
 * one, so any `<!DOCTYPE` is refused before parsing starts. The parser (saxes) knows only XML's five predefined
 * entities and fails on any other, and every well-formedness error is fatal: a broken file yields a clear message
 * and no partial tree, never half a codebook. Sizes are capped before and during parsing.
 */
import { SaxesParser } from 'saxes';

/** Why an XML file could not be read, in words for the user. */
export class XmlReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlReadError';
  }
}

/** An element: its local name (no prefix), attributes by local name, child elements and its own text. */
export interface XmlElement {
  readonly name: string;
  /** The name as written, with any prefix, e.g. "xsi:schemaLocation" stays in `rawAttributes`. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly rawAttributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The text directly inside the element (not inside its children), as parsed. */
  readonly text: string;
}

/** Bounds on what is read. */
export interface XmlLimits {
  readonly maxBytes: number;
  readonly maxElements: number;
  readonly maxDepth: number;
}

/** Limits for a codebook-sized file. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 64 * 1024 * 1024, maxElements: 2_000_000, maxDepth: 200 };

const DOCTYPE = [0x3c, 0x21, 0x44, 0x4f, 0x43, 0x54, 0x59, 0x50, 0x45]; // "<!DOCTYPE"

/** Whether the bytes hold "<!DOCTYPE" (any case) anywhere, in an ASCII-compatible encoding. */
function hasDoctypeBytes(bytes: Uint8Array): boolean {
  outer: for (let i = 0; i + DOCTYPE.length <= bytes.length; i++) {
    if (bytes[i] !== 0x3c || bytes[i + 1] !== 0x21) continue;
    for (let j = 2; j < DOCTYPE.length; j++) {
      // Upper-case ASCII letters: clear bit 0x20 to compare case-insensitively.
      if (((bytes[i + j] as number) & 0xdf) !== DOCTYPE[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** Decodes XML bytes: UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything undecodable is refused. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new XmlReadError('It is not UTF-8 text, so it cannot be a REFI-QDA file (REFI-QDA files are UTF-8).');
  }
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Parses XML bytes into an element tree, refusing a DTD and failing on the first error. */
export function readXml(bytes: Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (bytes.length > limits.maxBytes) {
    throw new XmlReadError(`The file is too large (${Math.round(bytes.length / 1048576)} MB; at most ${Math.round(limits.maxBytes / 1048576)} MB).`);
  }
  if (hasDoctypeBytes(bytes)) throw new XmlReadError('The file declares a DOCTYPE, which REFI-QDA files never need; it was not read, for safety.');
  const text = decodeXmlBytes(bytes);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlReadError('The file declares a DOCTYPE, which REFI-QDA files never need; it was not read, for safety.');
  }
  return parseXmlText(text, limits);
}

interface Building {
  name: string;
  attributes: Record<string, string>;
  rawAttributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parseXmlText(text: string, limits: XmlLimits): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Building[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let failure: XmlReadError | null = null;
  const fail = (message: string): void => {
    if (!failure) failure = new XmlReadError(message);
  };
  parser.on('error', (error: Error) => fail(`The file is not well-formed XML: ${error.message}`));
  parser.on('doctype', () => fail('The file declares a DOCTYPE, which REFI-QDA files never need; it was not read, for safety.'));
  parser.on('opentag', (tag) => {
    if (failure) return;
    elements += 1;
    if (elements > limits.maxElements) return fail(`The file has more than ${limits.maxElements} elements.`);
    if (stack.length >= limits.maxDepth) return fail(`The file nests elements more than ${limits.maxDepth} deep.`);
    const rawAttributes: Record<string, string> = {};
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
      rawAttributes[name] = value;
      // Namespace declarations are attributes here too; "xmlns" itself is kept, "xmlns:x" only in rawAttributes.
      if (name.startsWith('xmlns:')) continue;
      attributes[name === 'xmlns' ? name : localName(name)] = value;
    }
    stack.push({ name: localName(tag.name), attributes, rawAttributes, children: [], text: '' });
  });
  const addText = (chunk: string): void => {
    const top = stack[stack.length - 1];
    if (top && !failure) top.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (failure) return;
    const done = stack.pop();
    if (!done) return;
    const element: XmlElement = done;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    fail(`The file is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (failure) throw failure;
  if (!root) throw new XmlReadError('The file holds no XML element.');
  return root;
}

/** The child elements of an element with a given local name. */
export function childrenNamed(element: XmlElement, name: string): readonly XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The first child element with a given local name, or undefined. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}
