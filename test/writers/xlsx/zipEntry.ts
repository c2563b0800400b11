/** Reads one file out of a zip (an .xlsx) with Node's zlib, to inspect the XML exactly as written. */
import { inflateRawSync } from "zlib";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;

export function zipEntry(zip: Uint8Array, name: string): string {
  const data = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || data.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) throw new Error("not a zip file");
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < data.readUInt16LE(end + 10); i++) {
    if (data.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error("broken zip directory");
    const [method, size, nameLength, extraLength, commentLength] = [
      data.readUInt16LE(at + 10),
      data.readUInt32LE(at + 20),
      data.readUInt16LE(at + 28),
      data.readUInt16LE(at + 30),
      data.readUInt16LE(at + 32),
    ];
    const local = data.readUInt32LE(at + 42);
    if (data.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      const raw = data.subarray(start, start + size);
      return (method === 0 ? raw : inflateRawSync(raw)).toString("utf8");
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the zip`);
}
