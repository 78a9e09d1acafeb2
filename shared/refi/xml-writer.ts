/**
 * Writing XML text: escaping, and dropping the characters XML 1.0 cannot hold at all.
 */

// XML 1.0 allows tab, LF, CR and everything from U+0020 up, except lone surrogates and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with the characters XML 1.0 cannot hold removed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '');
}

/** Escapes text for element content. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for a double-quoted attribute value. Tabs and line breaks are written as character references, since
 * a parser would otherwise turn them into spaces (attribute-value normalisation).
 */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** An attribute list, leaving out attributes whose value is undefined: ` a="1" b="x"`. */
export function attributes(values: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}
