/** Plan styles → exceljs styles. One exceljs object per distinct combination, shared by reference by every cell. */
import type { Borders, Fill, Font, Style } from "exceljs";
import { styleNamed } from "../../plan/excelRules";
import type { CellStyle, WorkbookPlan } from "../../plan/types";

const DEFAULT_FONT: Partial<Font> = { name: "Calibri", size: 11, family: 2 };
const THIN = { style: "thin" } as const;
const ALL_THIN: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const argb = (rgb: string): { argb: string } => ({ argb: `FF${rgb.toUpperCase()}` });

function font(style: CellStyle): Partial<Font> | undefined {
  if (
    style.bold === undefined &&
    style.italic === undefined &&
    style.fontSize === undefined &&
    !style.color
  ) {
    return undefined;
  }
  return {
    ...DEFAULT_FONT,
    ...(style.bold !== undefined && { bold: style.bold }),
    ...(style.italic !== undefined && { italic: style.italic }),
    ...(style.fontSize !== undefined && { size: style.fontSize }),
    ...(style.color && { color: argb(style.color) }),
  };
}

/** The cell style (fill in fgColor, as Excel stores a solid cell fill). */
export function toExcelStyle(style: CellStyle): Partial<Style> {
  const f = font(style);
  const alignment = {
    ...(style.horizontal && { horizontal: style.horizontal }),
    ...(style.wrap !== undefined && { wrapText: style.wrap, vertical: "top" as const }),
  };
  const fill: Fill | undefined = style.fill
    ? { type: "pattern", pattern: "solid", fgColor: argb(style.fill) }
    : undefined;
  return {
    ...(style.numFmt && { numFmt: style.numFmt }),
    ...(f && { font: f }),
    ...(Object.keys(alignment).length > 0 && { alignment }),
    ...(fill && { fill }),
    ...(style.border && { border: ALL_THIN }),
  };
}

/** The differential style of a conditional format (Excel keeps a dxf's solid fill in bgColor). */
export function toDxfStyle(style: CellStyle): Partial<Style> {
  const { fill, ...rest } = toExcelStyle(style);
  const dxf: Partial<Style> = { ...rest };
  if (style.fill && fill) dxf.fill = { type: "pattern", pattern: "solid", bgColor: argb(style.fill) };
  if (dxf.font) {
    // A dxf overrides only what it names: drop the default face and size unless the plan asked for a size.
    const { name: _name, family: _family, size, ...onlyChanges } = dxf.font;
    dxf.font = { ...onlyChanges, ...(style.fontSize !== undefined && { size }) };
  }
  return dxf;
}

/** Resolves a list of style ids (applied in order, later properties win) to one shared exceljs style object. */
export class StyleCache {
  private readonly cache = new Map<string, Partial<Style>>();

  constructor(private readonly styles: WorkbookPlan["styles"]) {}

  planStyle(id: string): CellStyle {
    return styleNamed(this.styles, id, "format");
  }

  /** ids joined by "\n" — the key under which the merged style is cached. */
  resolve(key: string): Partial<Style> {
    let style = this.cache.get(key);
    if (!style) {
      const merged = Object.assign({}, ...key.split("\n").map((id) => this.planStyle(id))) as CellStyle;
      style = toExcelStyle(merged);
      this.cache.set(key, style);
    }
    return style;
  }
}
