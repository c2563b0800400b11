import fc from "fast-check";
import { cellAddress, parseRange } from "../../../src/plan/address";
import {
  AREAS_ADDRESS_CHARACTERS,
  coalesceFormats,
  rowHeightAreas,
  rowRuns,
} from "../../../src/writers/officejs/render";

describe("rowRuns", () => {
  it("joins consecutive rows of one height and splits at a gap or a new height", () => {
    expect(
      rowRuns([
        { row: 4, height: 30 },
        { row: 5, height: 30 },
        { row: 6, height: 45 },
        { row: 8, height: 45 },
      ]),
    ).toEqual([
      { first: 4, last: 5, height: 30 },
      { first: 6, last: 6, height: 45 },
      { first: 8, last: 8, height: 45 },
    ]);
  });

  it("gives every row its own height back, for any rows in order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200)),
        fc.array(fc.constantFrom(15, 30, 45), { minLength: 201 }),
        (rows, hs) => {
          const input = [...rows].sort((a, b) => a - b).map((row) => ({ row, height: hs[row] ?? 15 }));
          const expanded = rowRuns(input).flatMap((r) =>
            Array.from({ length: r.last - r.first + 1 }, (_, k) => ({ row: r.first + k, height: r.height })),
          );
          expect(expanded).toEqual(input);
        },
      ),
    );
  });
});

describe("rowHeightAreas", () => {
  it("takes the scattered rows of one height together, each run of consecutive ones as one area", () => {
    expect(
      rowHeightAreas([
        { row: 4, height: 30 },
        { row: 5, height: 30 },
        { row: 6, height: 45 },
        { row: 8, height: 30 },
        { row: 10, height: 45 },
      ]),
    ).toEqual([
      { areas: ["5:6", "9:9"], height: 30 },
      { areas: ["7:7", "11:11"], height: 45 },
    ]);
  });

  it("gives every row its own height back, in addresses no longer than Excel takes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(5000), { maxLength: 2000 }),
        fc.array(fc.constantFrom(15, 30, 45), { minLength: 5001 }),
        (rows, hs) => {
          const input = [...rows].sort((a, b) => a - b).map((row) => ({ row, height: hs[row] ?? 15 }));
          const groups = rowHeightAreas(input);
          for (const group of groups)
            expect(group.areas.join(",").length).toBeLessThanOrEqual(AREAS_ADDRESS_CHARACTERS);
          const expanded = groups
            .flatMap(({ areas, height }) =>
              areas.flatMap((area) => {
                const [first, last] = area.split(":").map(Number) as [number, number];
                return Array.from({ length: last - first + 1 }, (_, k) => ({ row: first - 1 + k, height }));
              }),
            )
            .sort((a, b) => a.row - b.row);
          expect(expanded).toEqual(input);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("coalesceFormats", () => {
  it("joins neighbouring formats of one style over adjacent cells, down a column and along a row", () => {
    expect(
      coalesceFormats([
        { range: "B3", style: "wrap" },
        { range: "B4", style: "wrap" },
        { range: "B5:B6", style: "wrap" },
        { range: "C5", style: "money" },
        { range: "D5", style: "money" },
        { range: "A:A", style: "wrap" },
        { range: "B7", style: "wrap" },
      ]),
    ).toEqual([
      { range: "B3:B6", style: "wrap" },
      { range: "C5:D5", style: "money" },
      { range: "A:A", style: "wrap" },
      { range: "B7:B7", style: "wrap" },
    ]);
  });

  it("styles every cell with the style the last format over it gives, as the formats one by one do", () => {
    const cell = fc.tuple(fc.nat(5), fc.nat(5));
    const format = fc.record({ at: cell, style: fc.constantFrom("a", "b") });
    fc.assert(
      fc.property(fc.array(format, { maxLength: 30 }), (items) => {
        const formats = items.map(({ at: [r, c], style }) => ({ range: cellAddress(r, c), style }));
        const paint = (list: readonly { range: string; style: string }[]) => {
          const grid = new Map<string, string>();
          for (const f of list) {
            const { start, end } = parseRange(f.range);
            for (let r = start.row; r <= end.row; r++)
              for (let c = start.column; c <= end.column; c++) grid.set(`${r},${c}`, f.style);
          }
          return [...grid.entries()].sort();
        };
        expect(paint(coalesceFormats(formats))).toEqual(paint(formats));
      }),
    );
  });
});
