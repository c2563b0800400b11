import fc from "fast-check";
import {
  referencedSheets,
  rewriteReferences,
  uniqueIdentifier,
  uniqueSheetName,
} from "../../../src/writers/officejs/references";

const maps = (sheets: [string, string][], identifiers: [string, string][] = []) => ({
  sheets: new Map(sheets.map(([from, to]) => [from.toLowerCase(), to])),
  identifiers: new Map(identifiers.map(([from, to]) => [from.toUpperCase(), to])),
});

describe("rewriting references when a sheet or a name is written under another name", () => {
  test("follows quoted and unquoted sheet references, and names, but not text, functions or table columns", () => {
    const formula = `SUM('学校'!C3:C6)+学校!D1+'参数'!A1&"'学校'!A1"+P_rate*T_schools[P_rate]+P_RATE(1)`;
    const rewritten = rewriteReferences(
      formula,
      maps(
        [["学校", "学校 (2)"]],
        [
          ["P_rate", "P_rate_2"],
          ["T_schools", "T_schools_2"],
        ],
      ),
    );
    expect(rewritten).toBe(
      `SUM('学校 (2)'!C3:C6)+'学校 (2)'!D1+'参数'!A1&"'学校'!A1"+P_rate_2*T_schools_2[P_rate]+P_RATE(1)`,
    );
  });

  test("points link targets in text at the sheet's final name, and leaves other text alone", () => {
    const links = new Map([["学校", "学校 (2)"]]);
    const formula = `HYPERLINK("#'学校'!A1","学校")&HYPERLINK("#学校!B2","say ""#学校!A1""")&"学校!A1"`;
    expect(rewriteReferences(formula, { ...maps([]), links })).toBe(
      `HYPERLINK("#'学校 (2)'!A1","学校")&HYPERLINK("#'学校 (2)'!B2","say ""#学校!A1""")&"学校!A1"`,
    );
  });

  test("handles a quote inside a sheet name and numbers with exponents", () => {
    expect(rewriteReferences("'O''Brien'!A1*1E5", maps([["O'Brien", "O'Brien (2)"]]))).toBe(
      "'O''Brien (2)'!A1*1E5",
    );
  });

  test("lists the sheets a formula refers to", () => {
    expect([...referencedSheets(`='参数'!$C$3+学校!A1&"x!"`)]).toEqual(["参数", "学校"]);
  });

  test("changes nothing when nothing was renamed, whatever the formula", () => {
    fc.assert(fc.property(fc.string(), (formula) => rewriteReferences(formula, maps([])) === formula));
  });

  test("renaming a sheet there and back restores every quoted reference", () => {
    const sheetName = fc
      .stringMatching(/^[a-z\u4e00-\u4e0f ]{1,10}$/)
      .filter((s) => s.trim() === s && s !== "");
    const reference = fc.tuple(sheetName, fc.stringMatching(/^[A-Z]{1,2}[1-9][0-9]{0,2}$/));
    fc.assert(
      fc.property(fc.array(reference, { minLength: 1, maxLength: 5 }), sheetName, (refs, renamed) => {
        const formula = refs.map(([sheet, cell]) => `'${sheet}'!${cell}`).join("+");
        const target = refs[0]?.[0] as string;
        if (refs.some(([sheet]) => sheet.toLowerCase() === renamed.toLowerCase())) return;
        const there = rewriteReferences(formula, maps([[target, renamed]]));
        expect(rewriteReferences(there, maps([[renamed, target]]))).toBe(formula);
      }),
    );
  });
});

describe("choosing free names", () => {
  test("keeps a free sheet name and suffixes a taken one within Excel's 31 characters", () => {
    expect(uniqueSheetName("学校", new Set(["汇总"]))).toBe("学校");
    expect(uniqueSheetName("学校", new Set(["学校", "学校 (2)"]))).toBe("学校 (3)");
    expect(uniqueSheetName("x".repeat(31), new Set(["x".repeat(31)]))).toBe(`${"x".repeat(27)} (2)`);
  });

  test("a chosen sheet name is never taken (case-insensitively) and never longer than 31 characters", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }),
        fc.array(fc.string({ maxLength: 31 })),
        (base, taken) => {
          const set = new Set([base, ...taken].map((n) => n.toLowerCase()));
          const name = uniqueSheetName(base, set);
          expect(Array.from(name).length).toBeLessThanOrEqual(31);
          expect(set.has(name.toLowerCase())).toBe(false);
        },
      ),
    );
  });

  test("a chosen identifier is never taken (case-insensitively)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/),
        fc.array(fc.string()),
        (base, taken) => {
          const set = new Set([base, `${base}_2`, ...taken].map((n) => n.toUpperCase()));
          expect(set.has(uniqueIdentifier(base, set).toUpperCase())).toBe(false);
        },
      ),
    );
  });
});
