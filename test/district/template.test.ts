import { sheetSpec, type SheetKey } from "../../src/district/layout";
import type { District } from "../../src/district/model";
import { readDistrictTables } from "../../src/district/readers/tables";
import { exampleCells, fieldHelp, LIST_SHEETS, matchesExample } from "../../src/district/readers/template";
import { districtToTables } from "../../src/district/readers/toTables";
import { getSample } from "../../src/district/samples";

const field = (key: SheetKey, name: string) => {
  const spec = sheetSpec(key);
  const found = [...(spec.rows ?? []), ...spec.columns].find((candidate) => candidate.field === name);
  if (!found) throw new Error(`no field ${key}.${name}`);
  return found;
};

describe("fieldHelp", () => {
  it.each([
    ["fiscal", "appropriation", "万元"],
    ["schools", "teachingArea", "㎡"],
    ["schools", "equipmentValue", "元"],
    ["schools", "books", "册"],
    ["schools", "classes", "个"],
    ["preschool", "smallClasses", "个"],
    ["district", "preschool.enrolled", "人"],
    ["schools", "grades.k1", "人"],
    ["fiscal", "students", "人"],
    ["stated", "stated", "项"],
    ["district", "budgetYear", "年"],
    ["schools", "remotenessTier", ""],
    ["schools", "name", ""],
  ] as const)("gives %s.%s the unit %j", (key, name, unit) => {
    expect(fieldHelp(field(key, name)).unit).toBe(unit);
  });

  it("says what a blank optional cell means, and nothing of the kind for a required one", () => {
    expect(fieldHelp(field("schools", "boarders")).accepts).toBe("0 或以上的整数;留空为 0");
    expect(fieldHelp(field("schools", "standardized")).accepts).toBe("是/否;留空为否");
    expect(fieldHelp(field("district", "policyPack")).accepts).toBe("文本;留空为全国政策包 national");
    expect(fieldHelp(field("debts", "step")).accepts).toBe("1/2/3/4;欠款行必填");
    expect(fieldHelp(field("schools", "classes"))).toMatchObject({
      required: true,
      accepts: "0 或以上的整数",
    });
    expect(fieldHelp(field("schools", "type")).acceptsEn).toBe(
      "幼儿园/小学/初中/九年一贯制/完全中学/十二年一贯制/高中/职业学校/特教学校/教学点",
    );
  });
});

describe("the template's example rows", () => {
  it("fill every required column of their sheet and name nothing real", () => {
    for (const key of LIST_SHEETS) {
      const cells = exampleCells(key) ?? [];
      sheetSpec(key).columns.forEach((column, index) => {
        if (column.required) expect(cells[index]).not.toBeNull();
        if (column.kind === "text" && typeof cells[index] === "string" && column.field !== "category")
          expect(cells[index]).toMatch(/示例/);
      });
    }
  });

  it("are told by their values when the mark is gone, and a changed row is not", () => {
    const spec = sheetSpec("schools");
    const cells = exampleCells("schools") ?? [];
    const cellOf = (row: readonly unknown[]) => (name: string) => ({
      present: true,
      cell: row[spec.columns.findIndex((column) => column.field === name)],
    });
    expect(matchesExample("schools", cellOf(cells))).toBe(true);
    expect(
      matchesExample(
        "schools",
        cellOf(cells.map((cell) => (typeof cell === "number" ? String(cell) : cell))),
      ),
    ).toBe(true);
    expect(matchesExample("schools", cellOf(cells.map((cell, i) => (i === 2 ? "本区镇" : cell))))).toBe(
      false,
    );
    expect(matchesExample("district", () => ({ present: true, cell: "x" }))).toBe(false);
  });

  it("read as a district's own rows (once changed a little) give no error: they show a valid way to fill in", () => {
    const own: District = {
      ...getSample("zhenlai"),
      name: "本区",
      note: "",
      policyPack: "national",
      projects: [],
    };
    const tables = districtToTables(own).map((table) => ({ ...table, rows: [...table.rows] }));
    const add = (key: SheetKey, row: (string | number | null)[]) =>
      tables.find((table) => table.sheet === sheetSpec(key).name)?.rows.push(row);
    const school = exampleCells("schools") ?? [];
    add(
      "schools",
      school.map((cell, i) => (i === 1 ? "示例小学甲" : cell)),
    );
    add(
      "schools",
      school.map((cell, i) => (i === 0 ? "示例02" : i === 1 ? "示例小学乙" : cell)),
    );
    for (const key of ["projects", "mergers", "preschool", "stated"] as const)
      add(
        key,
        (exampleCells(key) ?? []).map((cell, i) => (i === 0 ? `${String(cell)}甲` : cell)),
      );
    const result = readDistrictTables(tables, "x.xlsx");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.problems.filter((p) => p.code === "exampleRow")).toEqual([]);
    expect(result.district?.schools.map((s) => s.code).slice(-2)).toEqual(["示例01", "示例02"]);
  });
});
