import fc from "fast-check";
import { dropoutCheck, dropoutLimit, dropoutRate } from "../../src/domain/dropout";
import { parseArea, parseLevel } from "../../src/domain/levels";
import { AREAS } from "../../src/domain/levels";
import { EDU_DEFAULT, listPacks, NATIONAL } from "../../src/policy";
import "../support/custom-functions-runtime";
import { DROPOUT_CHECK, DROPOUT_LIMIT } from "../../src/functions/functions";

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
  it("uses the built-in limits: 小学 0 (the specified 小学无辍学), 初中 农村 3 %, 县镇 3 %, 城市 2 %", () => {
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
  it.each(listPacks().map((p) => [p.id, p] as const))(
    "%s allows an urban junior school no more dropouts than a rural one",
    (_id, pack) => {
      expect(dropoutLimit(pack, "junior", "urban")).toBeLessThanOrEqual(
        dropoutLimit(pack, "junior", "rural"),
      );
    },
  );
  it("gives every area the same primary limit and junior limits between 0 and 1", () => {
    for (const pack of listPacks()) {
      const primary = AREAS.map((a) => dropoutLimit(pack, "primary", a));
      expect(new Set(primary).size).toBe(1);
      for (const a of AREAS) expect(dropoutLimit(pack, "junior", a)).toBeGreaterThanOrEqual(0);
      for (const a of AREAS) expect(dropoutLimit(pack, "junior", a)).toBeLessThanOrEqual(1);
    }
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
  const school = fc.integer({ min: 1, max: 1e5 }).chain((start) =>
    fc.record({
      start: fc.constant(start),
      dropouts: fc.integer({ min: 0, max: start }),
      more: fc.integer({ min: 0, max: start }),
      limit: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );
  it("never turns FALSE into TRUE when more pupils drop out", () => {
    fc.assert(
      fc.property(school, ({ start, dropouts, more, limit }) => {
        const worse = Math.min(start, dropouts + more);
        if (!dropoutCheck(start, dropouts, limit)) expect(dropoutCheck(start, worse, limit)).toBe(false);
      }),
    );
  });
  it("never turns TRUE into FALSE when the limit is raised", () => {
    fc.assert(
      fc.property(school, fc.double({ min: 0, max: 1, noNaN: true }), ({ start, dropouts, limit }, other) => {
        const [low, high] = limit <= other ? [limit, other] : [other, limit];
        if (dropoutCheck(start, dropouts, low)) expect(dropoutCheck(start, dropouts, high)).toBe(true);
      }),
    );
  });
  it("EDU.DROPOUT_CHECK without a limit agrees with the check against EDU.DROPOUT_LIMIT", () => {
    fc.assert(
      fc.property(
        school,
        fc.constantFrom("小学", "初中", "primary", "junior"),
        fc.constantFrom(null, "城市", "县镇", "农村", "urban"),
        ({ start, dropouts }, level, area) => {
          const limit = DROPOUT_LIMIT(level, area as string);
          expect(DROPOUT_CHECK(start, dropouts, level, area as string)).toBe(dropouts / start <= limit);
        },
      ),
    );
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
