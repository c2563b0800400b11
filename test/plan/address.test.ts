import fc from "fast-check";
import {
  absoluteAddress,
  absoluteRange,
  cellAddress,
  columnIndex,
  columnLetter,
  parseCell,
  parseRange,
  rangeAddress,
  sheetRef,
  splitSheetRef,
} from "../../src/plan/address";

describe("column letters", () => {
  it("name the first, 26th, 27th and last Excel columns A, Z, AA and XFD", () => {
    expect([0, 25, 26, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "XFD"]);
  });
  it("turn back into the same column index for every Excel column", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetter(c)) === c));
  });
});

describe("cell addresses", () => {
  it("are relative, absolute, or fixed in the row only for a running sum", () => {
    expect(cellAddress(4, 4)).toBe("E5");
    expect(cellAddress(4, 4, true)).toBe("$E$5");
    expect(cellAddress(4, 4, "row")).toBe("E$5");
  });
  it("parse back to the row and column they were made from, with or without $", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_048_575 }),
        fc.integer({ min: 0, max: 16383 }),
        fc.constantFrom<boolean | "row">(false, true, "row"),
        (row, column, absolute) => {
          expect(parseCell(cellAddress(row, column, absolute))).toEqual({ row, column });
        },
      ),
    );
  });
  it("reject what is not an A1 address", () => {
    expect(() => parseCell("4B")).toThrow(/not an A1 cell address: 4B/);
    expect(() => parseCell("B0")).toThrow(/not an A1 cell address/);
  });
  it("become absolute whether they were relative or already absolute", () => {
    expect(absoluteAddress("B4")).toBe("$B$4");
    expect(absoluteAddress("$B$4")).toBe("$B$4");
    expect(absoluteAddress("b$4")).toBe("$B$4");
  });
});

describe("ranges", () => {
  it("run from the top-left to the bottom-right cell", () => {
    expect(rangeAddress(4, 4, 39, 5)).toBe("E5:F40");
    expect(parseRange("E5:F40")).toEqual({ start: { row: 4, column: 4 }, end: { row: 39, column: 5 } });
  });
  it("read a single cell as a range of one", () => {
    expect(parseRange("C3")).toEqual({ start: { row: 2, column: 2 }, end: { row: 2, column: 2 } });
  });
  it("become absolute at both ends", () => {
    expect(absoluteRange("E5:E40")).toBe("$E$5:$E$40");
    expect(absoluteRange("C3")).toBe("$C$3:$C$3");
  });
});

describe("sheet references", () => {
  it("quote the sheet name and double a quote inside it", () => {
    expect(sheetRef("学校", "$A$1")).toBe("'学校'!$A$1");
    expect(sheetRef("O'Brien", "A1")).toBe("'O''Brien'!A1");
  });

  it("split into the sheet and the address, a doubled quote inside the quotes read as one", () => {
    expect(splitSheetRef("'预算 明细'!A1")).toEqual({ sheet: "预算 明细", address: "A1" });
    expect(splitSheetRef("'O''Brien 表'!$B$3:$B$6")).toEqual({ sheet: "O'Brien 表", address: "$B$3:$B$6" });
    expect(splitSheetRef("'''引号''开头'!C2")).toEqual({ sheet: "'引号'开头", address: "C2" });
    expect(splitSheetRef("'a!b'!A1")).toEqual({ sheet: "a!b", address: "A1" });
  });

  it("split an unquoted sheet name as it is, and a plain address into no sheet", () => {
    expect(splitSheetRef("学校!B3")).toEqual({ sheet: "学校", address: "B3" });
    expect(splitSheetRef("$B$3:$B$6")).toEqual({ address: "$B$3:$B$6" });
  });

  it("give back the sheet and address that sheetRef joined, for any sheet name", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 200 }),
        (sheet, row, column) => {
          const address = cellAddress(row, column, true);
          expect(splitSheetRef(sheetRef(sheet, address))).toEqual({ sheet, address });
        },
      ),
    );
  });
});
