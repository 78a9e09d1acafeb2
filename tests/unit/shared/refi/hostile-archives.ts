/**
 * Hostile and broken .qdpx archives, built byte by byte for the tests of the importer and of `tessera refi import`:
 * each is one attack the issue names (a path out of the archive, a symbolic link, a bomb by declared size or by
 * overlapping entries, entity expansion, an external entity) and must be refused with a clear message.
 */
import { strToU8, zipSync } from 'fflate';

const QDE = (body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">${body}</Project>`;
const GUID = '0a57ec09-e8f7-4666-b96e-5189086f3c83';
const SOURCE = QDE(`<Sources><TextSource guid="${GUID}" name="t" plainTextPath="internal://${GUID}.txt"/></Sources>`);

/** Offsets of the central directory and its end record. */
function endRecord(zip: Uint8Array): { view: DataView; end: number; count: number; size: number; offset: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  return { view, end, count: view.getUint16(end + 10, true), size: view.getUint32(end + 12, true), offset: view.getUint32(end + 16, true) };
}

/** A zip whose central directory lists the first entry `copies` times, all pointing at the same bytes. */
function overlapping(copies: number): Uint8Array {
  const zip = zipSync({ 'project.qde': [strToU8(QDE(`<Description>${'a'.repeat(1_000_000)}</Description>`)), { level: 9 }] });
  const { end, size, offset } = endRecord(zip);
  const record = zip.slice(offset, offset + size);
  const out = new Uint8Array(offset + size * copies + 22);
  out.set(zip.subarray(0, offset));
  for (let i = 0; i < copies; i++) out.set(record, offset + size * i);
  const tail = zip.slice(end, end + 22);
  const view = new DataView(tail.buffer);
  view.setUint16(8, copies, true);
  view.setUint16(10, copies, true);
  view.setUint32(12, size * copies, true);
  out.set(tail, offset + size * copies);
  return out;
}

/** A zip whose text entry declares `declared` bytes (its real size is smaller). */
function declaring(declared: number): Uint8Array {
  const zip = zipSync({ 'project.qde': strToU8(SOURCE), [`sources/${GUID}.txt`]: strToU8('Hello there.') });
  const { view, offset } = endRecord(zip);
  let at = offset;
  for (;;) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (name.endsWith('.txt')) {
      view.setUint32(at + 24, declared, true);
      return zip;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/** The hostile archives, by what they attempt, with what the refusal must say. */
export function hostileArchives(): { readonly name: string; readonly bytes: Uint8Array; readonly message: RegExp }[] {
  const laughs = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE Project [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&d;"/>',
  ].join('\n');
  const external = '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&e;"/>';
  return [
    { name: 'traversal', bytes: zipSync({ 'project.qde': strToU8(SOURCE), '../../evil.txt': strToU8('x') }), message: /climbs out of the archive/ },
    { name: 'absolute-name', bytes: zipSync({ 'project.qde': strToU8(SOURCE), '/etc/cron.d/x': strToU8('x') }), message: /absolute path/ },
    { name: 'backslash-name', bytes: zipSync({ 'project.qde': strToU8(SOURCE), 'sources\\..\\..\\x.txt': strToU8('x') }), message: /backslash/ },
    { name: 'drive-name', bytes: zipSync({ 'project.qde': strToU8(SOURCE), 'C:/Windows/x.txt': strToU8('x') }), message: /names a drive/ },
    {
      name: 'symlink',
      bytes: zipSync({ 'project.qde': strToU8(SOURCE), [`sources/${GUID}.txt`]: [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }),
      message: /symbolic link/,
    },
    { name: 'declared-bomb', bytes: declaring(0x7fff0000), message: /unpacks to more than 512 MB/ },
    { name: 'lying-size', bytes: declaring(3), message: /larger than it says/ },
    { name: 'inflation-bomb', bytes: zipSync({ 'project.qde': strToU8(SOURCE), [`sources/${GUID}.txt`]: [new Uint8Array(60 * 1024 * 1024).fill(0x61), { level: 9 }] }), message: /at most \d+ are allowed/ },
    { name: 'overlapping', bytes: overlapping(2000), message: /overlap/ },
    { name: 'entity-expansion', bytes: zipSync({ 'project.qde': strToU8(laughs) }), message: /DOCTYPE/ },
    { name: 'external-entity', bytes: zipSync({ 'project.qde': strToU8(external) }), message: /DOCTYPE/ },
    { name: 'bare-qde-entity', bytes: strToU8(laughs), message: /DOCTYPE/ },
    { name: 'not-xml', bytes: zipSync({ 'project.qde': strToU8('<Project name="x"><Sources>') }), message: /not well-formed XML/ },
    { name: 'no-qde', bytes: zipSync({ 'sources/a.txt': strToU8('x') }), message: /no project\.qde/ },
  ];
}

/** A readable archive whose references point at GUIDs it does not hold: imported, with the references dropped and listed. */
export function danglingReferences(): Uint8Array {
  const missing = (n: number): string => `deadbeef-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return zipSync({
    'project.qde': strToU8(
      QDE(
        `<CodeBook><Codes><Code guid="${missing(1)}" name="Real" isCodable="true"/></Codes></CodeBook>` +
          `<Sources><TextSource guid="${GUID}" name="t" plainTextPath="internal://${GUID}.txt" creatingUser="${missing(2)}">` +
          `<PlainTextSelection guid="${missing(3)}" startPosition="0" endPosition="5"><Coding guid="${missing(4)}"><CodeRef targetGUID="${missing(5)}"/></Coding></PlainTextSelection>` +
          `<PlainTextSelection guid="${missing(6)}" startPosition="6" endPosition="11"><Coding guid="${missing(7)}"><CodeRef targetGUID="${missing(1)}"/></Coding></PlainTextSelection>` +
          `<NoteRef targetGUID="${missing(8)}"/></TextSource><TextSource guid="${missing(9)}" name="gone" plainTextPath="internal://nowhere.txt"/></Sources>` +
          `<Sets><Set guid="${missing(10)}" name="S"><MemberSource targetGUID="${missing(11)}"/></Set></Sets>`,
      ),
    ),
    [`sources/${GUID}.txt`]: strToU8('Hello there.'),
  });
}
