import {
  FUNCTION_CODE_EDITIONS,
  functionCodeEdition,
  parseSchoolKind,
  SCHOOL_KINDS,
  schoolFunctionCode,
} from "../../src/budget/codes";

describe("支出功能分类 codes of schools", () => {
  it("gives the class-205 项 of each kind of school in the latest edition", () => {
    expect(Object.fromEntries(SCHOOL_KINDS.map((k) => [k, schoolFunctionCode(k).code]))).toEqual({
      kindergarten: "2050201",
      primary: "2050202",
      junior: "2050203",
      senior: "2050204",
      special: "2050701",
      vocational: "2050302",
    });
  });
  it("keeps every code as seven digits of text under class 205", () => {
    for (const edition of FUNCTION_CODE_EDITIONS)
      for (const kind of SCHOOL_KINDS) expect(edition.school[kind].code).toMatch(/^205\d{4}$/);
  });
  it("marks the codes no published chart confirmed as not verified (budget reference §1.2)", () => {
    const evidence = Object.fromEntries(SCHOOL_KINDS.map((k) => [k, schoolFunctionCode(k).evidence]));
    expect(evidence).toEqual({
      kindergarten: "not verified",
      primary: "published",
      junior: "published",
      senior: "not verified",
      special: "published",
      vocational: "not verified",
    });
  });
  it("takes the latest stored edition not after the budget year, and #N/A before the first", () => {
    const first = FUNCTION_CODE_EDITIONS[0]!.year;
    expect(functionCodeEdition(first + 10).year).toBe(
      FUNCTION_CODE_EDITIONS[FUNCTION_CODE_EDITIONS.length - 1]!.year,
    );
    expect(functionCodeEdition(first).year).toBe(first);
    expect(() => functionCodeEdition(first - 1)).toThrow(expect.objectContaining({ kind: "na" }));
    expect(() => functionCodeEdition(first - 1)).toThrow(new RegExp(String(first)));
  });
  it("stores editions oldest first", () => {
    const years = FUNCTION_CODE_EDITIONS.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});

describe("parseSchoolKind", () => {
  const ALIASES: Record<string, string> = {
    幼儿园: "kindergarten",
    kindergarten: "kindergarten",
    小学: "primary",
    primary: "primary",
    初中: "junior",
    junior: "junior",
    高中: "senior",
    senior: "senior",
    特教: "special",
    特殊教育: "special",
    special: "special",
    职业: "vocational",
    中职: "vocational",
    vocational: "vocational",
  };
  it.each(Object.entries(ALIASES))("reads %s as %s", (text, kind) => {
    expect(parseSchoolKind(text)).toBe(kind);
  });
  it("ignores case and surrounding spaces", () => {
    expect(parseSchoolKind(" Special ")).toBe("special");
    expect(parseSchoolKind("VOCATIONAL")).toBe("vocational");
    expect(parseSchoolKind("Primary")).toBe("primary");
  });
  it("gives #N/A naming the argument and the accepted levels for any other text", () => {
    for (const text of ["大学", "", "小班", "university"]) {
      expect(() => parseSchoolKind(text)).toThrow(expect.objectContaining({ kind: "na" }));
      expect(() => parseSchoolKind(text)).toThrow(/level.*特教\|特殊教育\|special/);
    }
  });
});
