import fc from "fast-check";
import { growth, onlyIncrease, threeGrowth } from "../../src/domain/growth";
import { RuleError } from "../../src/domain/errors";

const kind = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof RuleError ? e.kind : "other";
  }
  return undefined;
};

describe("growth", () => {
  it("is current/prior − 1", () => {
    expect(growth(100, 105)).toBeCloseTo(0.05, 12);
    expect(growth(200, 150)).toBeCloseTo(-0.25, 12);
  });
  it("answers a zero prior with #DIV/0! and a negative prior with #VALUE! naming prior", () => {
    expect(kind(() => growth(0, 5))).toBe("div0");
    expect(kind(() => growth(-1, 5))).toBe("value");
    expect(() => growth(-1, 5)).toThrow(/^prior/);
  });
  it("has the sign of current − prior", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (p, c) => {
        expect(Math.sign(growth(p, c))).toBe(Math.sign(c - p));
      }),
    );
  });
});

describe("threeGrowth", () => {
  const prior = [1000, 5000, 8000, 700];
  it("passes when appropriation outgrows revenue and both per-student figures rise", () => {
    const rows = threeGrowth(prior, [1100, 5200, 8200, 720]);
    expect(rows.map((r) => r.test)).toEqual(["G1", "G2", "G3 public funds"]);
    expect(rows.map((r) => r.label)).toEqual(["G1", "G2", "G3 public funds"]);
    expect(rows[0]?.achieved).toBeCloseTo(0.1, 12);
    expect(rows[0]?.required).toBeCloseTo(0.04, 12);
    expect(rows.every((r) => r.pass)).toBe(true);
    expect(rows[1]?.required).toBe(0);
  });
  it("fails G1 when appropriation grows exactly as fast as revenue (strictly higher required)", () => {
    const rows = threeGrowth(prior, [1050, 5250, 8200, 720]);
    expect(rows[0]?.pass).toBe(false);
  });
  it("fails G3 pay when average pay falls, with the fifth cell given", () => {
    const rows = threeGrowth([...prior, 60000], [1100, 5200, 8200, 720, 59000]);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ test: "G3 pay", label: "G3 pay", pass: false });
  });
  it("rejects different sizes and sizes other than 4 or 5", () => {
    expect(() => threeGrowth(prior, [1, 2, 3, 4, 5])).toThrow(/current/);
    expect(() => threeGrowth([1, 2, 3], [1, 2, 3])).toThrow(/prior: 4 or 5/);
  });
  it("gives #DIV/0! for a zero prior figure", () => {
    expect(kind(() => threeGrowth([1000, 0, 1, 1], [1, 1, 1, 1]))).toBe("div0");
  });
  it("G2 and G3 pass exactly when the current figure is higher", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 5, maxLength: 5 }),
        (p, c) => {
          const rows = threeGrowth(p, c);
          rows.slice(1).forEach((row, i) => expect(row.pass).toBe((c[i + 2] ?? 0) > (p[i + 2] ?? 0)));
          expect(rows[0]?.pass).toBe((rows[0]?.achieved ?? 0) > (rows[0]?.required ?? 0));
        },
      ),
    );
  });
});

describe("onlyIncrease", () => {
  it("holds only when neither the total nor the per-student figure falls", () => {
    expect(onlyIncrease(100, 100, 10, 10)).toBe(true);
    expect(onlyIncrease(100, 99, 10, 11)).toBe(false);
    expect(onlyIncrease(100, 120, 10, 9.5)).toBe(false);
  });
  it("rejects negative amounts naming the argument", () => {
    expect(() => onlyIncrease(-1, 1, 1, 1)).toThrow(/prior_total/);
  });
  const amount = fc.integer({ min: 0, max: 1e9 });
  it("is TRUE exactly when both current figures are at least the prior ones", () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (pt, ct, pp, cp) => {
        expect(onlyIncrease(pt, ct, pp, cp)).toBe(ct >= pt && cp >= pp);
      }),
    );
  });
  it("never turns TRUE into FALSE when a current figure is raised", () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, amount, amount, (pt, ct, pp, cp, dt, dp) => {
        if (onlyIncrease(pt, ct, pp, cp)) expect(onlyIncrease(pt, ct + dt, pp, cp + dp)).toBe(true);
      }),
    );
  });
});
