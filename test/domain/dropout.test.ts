import fc from "fast-check";
import { dropoutCheck, dropoutLimit, dropoutRate } from "../../src/domain/dropout";
import { parseArea, parseLevel } from "../../src/domain/levels";
import { EDU_DEFAULT, NATIONAL } from "../../src/policy";

describe("dropoutRate", () => {
  it("is dropouts over the start-of-year enrollment", () => {
    expect(dropoutRate(400, 12)).toBeCloseTo(0.03, 15);
  });
  it("rejects a zero base (#DIV/0!), negatives and more dropouts than students (#VALUE!)", () => {
    expect(() => dropoutRate(0, 0)).toThrow(expect.objectContaining({ kind: "div0" }));
    expect(() => dropoutRate(-5, 0)).toThrow(expect.objectContaining({ kind: "value" }));
    expect(() => dropoutRate(10, 11)).toThrow(/dropouts/);
  });
  it("always lies between 0 and 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, f) => {
          const r = dropoutRate(start, Math.floor(start * f));
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("dropoutLimit", () => {
  it("uses the speech's local limits: 小学 0, 初中 农村 3 %, 县镇 3 %, 城市 2 %", () => {
    expect(dropoutLimit(EDU_DEFAULT, parseLevel("小学"), parseArea(null))).toBe(0);
    expect(dropoutLimit(EDU_DEFAULT, parseLevel("初中"), parseArea("农村"))).toBe(0.03);
    expect(dropoutLimit(EDU_DEFAULT, parseLevel("junior"), parseArea("Town"))).toBe(0.03);
    expect(dropoutLimit(EDU_DEFAULT, parseLevel(" JUNIOR "), parseArea("城市"))).toBe(0.02);
    expect(dropoutLimit(EDU_DEFAULT, "junior", parseArea(null))).toBe(0.03);
  });
  it("uses 1 % for primary under the national rules", () => {
    expect(dropoutLimit(NATIONAL, "primary", "urban")).toBe(0.01);
  });
  it("has no limit for kindergartens or senior schools (#N/A)", () => {
    expect(() => dropoutLimit(EDU_DEFAULT, "senior", "rural")).toThrow(
      expect.objectContaining({ kind: "na" }),
    );
    expect(() => dropoutLimit(EDU_DEFAULT, "kindergarten", "rural")).toThrow(/小学 and 初中/);
  });
});

describe("dropoutCheck", () => {
  it("flags a rural junior school whose dropout rate exceeds 3 %", () => {
    expect(dropoutCheck(400, 12, 0.03)).toBe(true);
    expect(dropoutCheck(400, 13, 0.03)).toBe(false);
  });
  it("flags any primary dropout under the 小学无辍学 rule", () => {
    expect(dropoutCheck(500, 0, 0)).toBe(true);
    expect(dropoutCheck(500, 1, 0)).toBe(false);
  });
  it("rejects a limit outside 0..1", () => {
    expect(() => dropoutCheck(10, 1, 3)).toThrow(/limit/);
  });
});

describe("levels and areas", () => {
  it("accept Chinese or English in any case and reject anything else naming the argument", () => {
    expect(parseLevel("幼儿园")).toBe("kindergarten");
    expect(parseLevel("Senior")).toBe("senior");
    expect(() => parseLevel("college", "level")).toThrow(/^level: .*小学\|primary/);
    expect(parseArea("")).toBe("rural");
    expect(parseArea(" URBAN ")).toBe("urban");
    expect(() => parseArea("suburb")).toThrow(/area/);
  });
});
