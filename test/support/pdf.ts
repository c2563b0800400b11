/**
 * The words of a PDF with their boxes, page by page, as poppler's `pdftotext -bbox-layout` reads them
 * (apt-get install -y poppler-utils), and the checks the print tests make on them.
 */
import { spawn } from "child_process";
import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { decodeXmlText } from "./xml";

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

const PDFTOTEXT = process.env.PDFTOTEXT ?? "pdftotext";

function pdftotext(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PDFTOTEXT, ["-bbox-layout", file, "-"], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(`poppler (${PDFTOTEXT}) is not installed: apt-get install -y poppler-utils`)
          : error,
      ),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString("utf8"))
        : reject(new Error(`${PDFTOTEXT} exited with ${code}:\n${err}`)),
    );
  });
}

/** The pages of a PDF and the words on each, with their boxes in points from the page's top left. */
export async function pdfWords(pdf: Uint8Array): Promise<PdfPage[]> {
  const dir = await mkdtemp(join(tmpdir(), "edu-budget-pdf-"));
  try {
    const file = join(dir, "book.pdf");
    await writeFile(file, pdf);
    const html = await pdftotext(file);
    const pages: PdfPage[] = [];
    const page = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const match of html.matchAll(page)) {
      const words = [...(match[3] ?? "").matchAll(word)].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: decodeXmlText(w[5] ?? ""),
      }));
      pages.push({ number: pages.length + 1, width: Number(match[1]), height: Number(match[2]), words });
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether a word holds a CJK character (it is set in the CJK font, whose boxes are taller than the Latin one's). */
export const isCjk = (text: string): boolean => [...text].some((ch) => (ch.codePointAt(0) ?? 0) >= 0x2e80);

/**
 * Pairs of words on a page whose boxes overlap: text running over other text. Lines of one wrapped cell touch
 * (a box is taller than the line spacing), so boxes count as overlapping only when they share more than
 * `share` of the lower box's height and more than a point across.
 */
export function overlappingWords(page: PdfPage, share = 0.3): [PdfWord, PdfWord][] {
  const words = [...page.words].sort((a, b) => a.xMin - b.xMin);
  const pairs: [PdfWord, PdfWord][] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i] as PdfWord;
    for (let j = i + 1; j < words.length; j++) {
      const b = words[j] as PdfWord;
      if (b.xMin >= a.xMax - 1) break;
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const lower = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (across > 1 && down > share * lower) pairs.push([a, b]);
    }
  }
  return pairs;
}
