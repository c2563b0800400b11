/**
 * Draws the add-in's icons (a green sheet with three rising budget bars) and writes them as PNG files into assets/.
 * Run: npm run icons. The PNGs are committed; this script documents how they were made.
 */
import { deflateSync } from "zlib";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";

type Rgba = readonly [number, number, number, number];

const BACKGROUND: Rgba = [0x21, 0x73, 0x46, 255];
const BAR: Rgba = [255, 255, 255, 255];
const SIZES = [16, 32, 64, 80] as const;
const SUPERSAMPLING = 4;

/** Shapes in a unit square (0..1): a rounded tile, and three bars of rising height standing on a baseline. */
function colourAt(x: number, y: number): Rgba | undefined {
  const bars = [
    { left: 0.2, right: 0.35, top: 0.55 },
    { left: 0.425, right: 0.575, top: 0.4 },
    { left: 0.65, right: 0.8, top: 0.22 },
  ];
  if (bars.some((bar) => x >= bar.left && x < bar.right && y >= bar.top && y < 0.8)) return BAR;
  return insideRoundedSquare(x, y, 0.18) ? BACKGROUND : undefined;
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** Averages SUPERSAMPLING² samples per pixel so edges are smooth at 16 px. */
function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const colour = colourAt(
            (column + (sx + 0.5) / SUPERSAMPLING) / size,
            (row + (sy + 0.5) / SUPERSAMPLING) / size,
          );
          if (!colour) continue;
          // Premultiplied so transparent samples do not darken the edge.
          for (let channel = 0; channel < 3; channel++) sum[channel]! += (colour[channel]! * colour[3]) / 255;
          sum[3]! += colour[3];
        }
      }
      const samples = SUPERSAMPLING * SUPERSAMPLING;
      const alpha = sum[3]! / samples;
      const offset = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = alpha === 0 ? 0 : Math.round((sum[channel]! / samples / alpha) * 255);
      }
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of 8-bit RGBA pixels, each scanline with filter type 0. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const scanlines = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    rgba.copy(scanlines, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const directory = join(__dirname, "..", "assets");
mkdirSync(directory, { recursive: true });
for (const size of SIZES) writeFileSync(join(directory, `icon-${size}.png`), encodePng(size, render(size)));
