/**
 * The zip container of an .xlsx file, read before exceljs unpacks it: its central directory says how large each
 * part is once unpacked, so a file that would unpack to gigabytes (a "zip bomb") is refused in milliseconds.
 * A directory can lie about sizes: parts whose packed size could unpack beyond the limit are unpacked once more
 * here, as a stream that stops at the limit, before exceljs sees them.
 */
import JSZip from "jszip";

export interface ZipLimits {
  /** Largest unpacked size of one part (a sheet's XML, the shared strings), bytes. */
  readonly partBytes: number;
  /** Largest unpacked size of all parts together, bytes. */
  readonly totalBytes: number;
  /** Most parts in the file. */
  readonly parts: number;
  /** Most shared strings (distinct texts of the workbook). */
  readonly sharedStrings: number;
}

/**
 * The input workbook of a district or city roll-up of 20,000 schools unpacks to about 30 MB; these limits leave room
 * for several times that and keep the memory exceljs needs well below 2 GB. README "Limits of the input".
 */
export const ZIP_LIMITS: ZipLimits = {
  partBytes: 200 * 1024 * 1024,
  totalBytes: 500 * 1024 * 1024,
  parts: 10_000,
  sharedStrings: 2_000_000,
};

export interface ZipPart {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly packedBytes: number;
  readonly unpackedBytes: number;
}

export type ZipRefusal =
  | { readonly kind: "part"; readonly part: string; readonly bytes: number; readonly limit: number }
  | { readonly kind: "total"; readonly bytes: number; readonly limit: number }
  | { readonly kind: "parts"; readonly count: number; readonly limit: number }
  | { readonly kind: "sharedStrings"; readonly count: number; readonly limit: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const MAX_32 = 0xffffffff;

/** Deflate cannot unpack to more than about 1,032 times its packed size. */
const DEFLATE_RATIO = 1032;

/** The parts the central directory lists, or undefined when the bytes are not a readable zip (exceljs then says why). */
export function zipParts(bytes: Uint8Array): ZipPart[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === 0xffff || offset === MAX_32) && end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const at = u64(end - 12);
    if (at + 56 > bytes.length || u32(at) !== ZIP64_EOCD) return undefined;
    count = u64(at + 32);
    offset = u64(at + 48);
  }
  const parts: ZipPart[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL_HEADER) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let packed = u32(at + 20);
    let unpacked = u32(at + 24);
    if (at + 46 + nameLength + extraLength > bytes.length) return undefined;
    // Zip64: sizes that do not fit 32 bits are in the extra field 0x0001, unpacked size first.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (unpacked === MAX_32 && field + 8 <= extra + 4 + size) {
          unpacked = u64(field);
          field += 8;
        }
        if (packed === MAX_32 && field + 8 <= extra + 4 + size) packed = u64(field);
      }
      extra += 4 + size;
    }
    parts.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      packedBytes: packed,
      unpackedBytes: unpacked,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

const isSharedStrings = (name: string): boolean => /(^|\/)sharedStrings\.xml$/i.test(name);

/** What the directory alone says is too large. */
export function declaredRefusal(parts: readonly ZipPart[], limits: ZipLimits): ZipRefusal | undefined {
  if (parts.length > limits.parts) return { kind: "parts", count: parts.length, limit: limits.parts };
  const large = parts.find((part) => part.unpackedBytes > limits.partBytes);
  if (large) return { kind: "part", part: large.name, bytes: large.unpackedBytes, limit: limits.partBytes };
  const total = parts.reduce((sum, part) => sum + part.unpackedBytes, 0);
  if (total > limits.totalBytes) return { kind: "total", bytes: total, limit: limits.totalBytes };
  return undefined;
}

/**
 * Checks the sizes a zip's parts really unpack to, and the number of shared strings, stopping as soon as a limit is
 * passed. Parts too small packed to pass the limit, whatever their directory says, are not unpacked.
 */
export async function checkZip(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipRefusal | undefined> {
  const parts = zipParts(bytes);
  if (!parts) return undefined;
  const declared = declaredRefusal(parts, limits);
  if (declared) return declared;
  const most = (part: ZipPart) => (part.method === 0 ? part.packedBytes : part.packedBytes * DEFLATE_RATIO);
  // The shortest shared string, <si/>, takes 5 bytes.
  const suspect = parts.filter(
    (part) =>
      most(part) > limits.partBytes || (isSharedStrings(part.name) && most(part) / 5 > limits.sharedStrings),
  );
  if (suspect.length === 0) return undefined;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return undefined; // exceljs reports the damaged file
  }
  const unchecked = parts
    .filter((part) => !suspect.includes(part))
    .reduce((sum, part) => sum + part.unpackedBytes, 0);
  let total = unchecked;
  for (const part of suspect) {
    const file = zip.file(part.name);
    if (!file) continue;
    const refusal = await unpackCounting(
      file,
      part,
      limits,
      (bytes) => (total += bytes),
      () => total,
    );
    if (refusal) return refusal;
  }
  return undefined;
}

/** JSZip's documented internalStream, which its type declarations leave out. */
interface StreamingObject {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}

/** Unpacks one part as a stream, counting bytes (and `<si` elements of the shared strings) until a limit passes. */
function unpackCounting(
  file: JSZip.JSZipObject,
  part: ZipPart,
  limits: ZipLimits,
  add: (bytes: number) => void,
  total: () => number,
): Promise<ZipRefusal | undefined> {
  const counting = isSharedStrings(part.name);
  return new Promise((resolve) => {
    let bytes = 0;
    let strings = 0;
    let tail = "";
    const decoder = new TextDecoder("utf-8");
    const stream = (file as unknown as StreamingObject).internalStream("uint8array");
    const stop = (refusal: ZipRefusal | undefined) => {
      stream.pause();
      resolve(refusal);
    };
    stream.on("data", (chunk: Uint8Array) => {
      bytes += chunk.length;
      add(chunk.length);
      if (bytes > limits.partBytes)
        return stop({ kind: "part", part: part.name, bytes, limit: limits.partBytes });
      if (total() > limits.totalBytes)
        return stop({ kind: "total", bytes: total(), limit: limits.totalBytes });
      if (!counting) return;
      // An element name cut between two chunks is found whole in the next text: no 4-character match fits in the
      // 3 characters carried over, so none is counted twice.
      const text = tail + decoder.decode(chunk, { stream: true });
      strings += (text.match(/<si[\s>/]/g) ?? []).length;
      tail = text.slice(-3);
      if (strings > limits.sharedStrings)
        return stop({ kind: "sharedStrings", count: strings, limit: limits.sharedStrings });
    });
    stream.on("error", () => resolve(undefined)); // a damaged part: exceljs reports it
    stream.on("end", () => resolve(undefined));
    stream.resume();
  });
}
