import fc from "fast-check";
import {
  capacity,
  classBand,
  classesNeeded,
  classSize,
  mergeCheck,
  parseClassKind,
} from "../../src/domain/classes";
import { EDU_DEFAULT as P } from "../../src/policy";
import "../support/custom-functions-runtime";
import { CAPACITY, CLASS_SIZE, MERGE_CHECK } from "../../src/functions/functions";

const LEVEL_TEXTS = ["小学", "初中", "高中", "幼儿园", "小班", "中班", "大班", "混龄", "primary", "Junior"];

describe("classSize", () => {
  it("gives 45 / 50 / 50 / 30 for the levels and 25 / 30 / 35 / 30 for kindergarten classes", () => {
    const sizes = ["小学", "初中", "高中", "幼儿园", "小班", "中班", "大班", "混龄", "Large"].map((t) =>
      classSize(P, parseClassKind(t)),
    );
    expect(sizes).toEqual([45, 50, 50, 30, 25, 30, 35, 30, 35]);
  });
  it("also reads the zh/en text directly", () => {
    expect(["小班", "中班", "大班", "混龄", "primary", "kg_small"].map((t) => classSize(P, t))).toEqual([
      25, 30, 35, 30, 45, 25,
    ]);
    expect(() => classSize(P, "toString")).toThrow(/level/);
  });
  it("rejects an unknown level naming what it accepts", () => {
    expect(() => parseClassKind("大学")).toThrow(/level: .*小班/);
  });
});

describe("classBand", () => {
  it.each([
    [45, "正常"],
    [46, "偏大"],
    [55, "偏大"],
    [56, "大班额"],
    [65, "大班额"],
    [66, "超大班额"],
  ])("puts a class of %i pupils in %s", (n, band) => {
    expect(classBand(P, n, 1)).toBe(band);
  });
  it("bands the rounded-up average: 91 pupils in 2 classes is 46 a class", () => {
    expect(classBand(P, 90, 2)).toBe("正常");
    expect(classBand(P, 91, 2)).toBe("偏大");
  });
  it("answers zero classes with #DIV/0!", () => {
    expect(() => classBand(P, 10, 0)).toThrow(expect.objectContaining({ kind: "div0" }));
  });
  it("never bands more pupils into a smaller band", () => {
    const order = ["正常", "偏大", "大班额", "超大班额"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 60 }),
        (n, extra, c) => {
          expect(order.indexOf(classBand(P, n + extra, c))).toBeGreaterThanOrEqual(
            order.indexOf(classBand(P, n, c)),
          );
        },
      ),
    );
  });
});

describe("capacity and classesNeeded", () => {
  it("capacity is classrooms × class size", () => {
    expect(capacity(12, 45)).toBe(540);
  });
  it("capacity is linear in classrooms: two sites hold what each holds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e4 }),
        fc.integer({ min: 0, max: 1e4 }),
        fc.integer({ min: 0, max: 100 }),
        (a, b, size) => {
          expect(capacity(a + b, size)).toBe(capacity(a, size) + capacity(b, size));
          expect(capacity(a, size)).toBe(a * size);
        },
      ),
    );
  });
  it("EDU.CAPACITY defaults the class size to EDU.CLASS_SIZE of the level", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e4 }), fc.constantFrom(...LEVEL_TEXTS), (rooms, level) => {
        expect(CAPACITY(rooms, level)).toBe(rooms * CLASS_SIZE(level));
      }),
    );
  });
  it("sums each grade over schools, then rounds each grade up", () => {
    // Two schools, three grades: totals 60, 45, 91 → 2 + 1 + 3 classes of 45.
    expect(
      classesNeeded(
        [
          [30, 20, 50],
          [30, 25, 41],
        ],
        45,
      ),
    ).toBe(6);
    expect(classesNeeded([[100]], 50)).toBe(2);
    expect(
      classesNeeded(
        [
          [null, 46],
          [null, null],
        ],
        45,
      ),
    ).toBe(2);
  });
  it("rejects negative enrollment and a zero class size", () => {
    expect(() => classesNeeded([[-1]], 45)).toThrow(/enrollment/);
    expect(() => classesNeeded([[1]], 0)).toThrow(expect.objectContaining({ kind: "div0" }));
  });
  it("needs at least total/size classes and at most one more per grade", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 6, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 60 }),
        (m, size) => {
          const total = m.flat().reduce((a, b) => a + b, 0);
          const needed = classesNeeded(m, size);
          expect(needed).toBeGreaterThanOrEqual(Math.ceil(total / size));
          expect(needed).toBeLessThanOrEqual(Math.ceil(total / size) + 6);
        },
      ),
    );
  });
});

describe("mergeCheck", () => {
  it("reports students, classes needed, classrooms, spare rooms, average size and pass", () => {
    // 鲤泮庄小学 + 海阳小学 by grade into a 12-classroom site.
    expect(
      mergeCheck(
        [
          [40, 42, 38, 45, 50, 44],
          [30, 28, 35, 33, 31, 29],
        ],
        12,
        45,
      ),
    ).toEqual({
      students: 445,
      classesNeeded: 12,
      classrooms: 12,
      spare: 0,
      averageClassSize: 445 / 12,
      pass: true,
    });
  });
  it("fails when the host site has too few classrooms", () => {
    expect(mergeCheck([[90, 90]], 3, 45)).toMatchObject({ classesNeeded: 4, spare: -1, pass: false });
  });
  it("gives an average class size of 0 when no pupils need a class", () => {
    expect(mergeCheck([[null, 0]], 5, 45)).toMatchObject({ averageClassSize: 0, pass: true });
  });
});

describe("mergeCheck properties", () => {
  const grades = fc.array(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(null)), {
    minLength: 1,
    maxLength: 9,
  });
  const schools = fc.array(grades, { minLength: 1, maxLength: 6 }).map((rows) => {
    const width = Math.min(...rows.map((r) => r.length));
    return rows.map((r) => r.slice(0, width));
  });
  const site = fc.record({ rooms: fc.integer({ min: 0, max: 80 }), size: fc.integer({ min: 1, max: 60 }) });
  it("spare is classrooms − needed, and the check passes exactly when spare ≥ 0", () => {
    fc.assert(
      fc.property(schools, site, (m, { rooms, size }) => {
        const r = mergeCheck(m, rooms, size);
        expect(r.spare).toBe(rooms - r.classesNeeded);
        expect(r.pass).toBe(r.spare >= 0);
        expect(r.classesNeeded).toBe(classesNeeded(m, size));
      }),
    );
  });
  it("needs at least ceil(students / class size) classes, each within the class size on average", () => {
    fc.assert(
      fc.property(schools, site, (m, { rooms, size }) => {
        const r = mergeCheck(m, rooms, size);
        const total = m.flat().reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(r.students).toBe(total);
        expect(r.classesNeeded).toBeGreaterThanOrEqual(Math.ceil(total / size));
        expect(r.averageClassSize).toBeLessThanOrEqual(size);
      }),
    );
  });
  it("never needs fewer classes for grades in separate columns than for the same pupils lumped together", () => {
    fc.assert(
      fc.property(schools, fc.integer({ min: 1, max: 60 }), (m, size) => {
        const lumped = m.map((row) => [row.reduce<number>((a, b) => a + (b ?? 0), 0)]);
        expect(classesNeeded(m, size)).toBeGreaterThanOrEqual(classesNeeded(lumped, size));
      }),
    );
  });
  it("EDU.MERGE_CHECK reads a column of per-grade counts like the same counts in a row", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 0, max: 80 }),
        fc.constantFrom(...LEVEL_TEXTS),
        (counts, rooms, level) => {
          const asRow = MERGE_CHECK([counts], rooms, level);
          expect(
            MERGE_CHECK(
              counts.map((c) => [c]),
              rooms,
              level,
            ),
          ).toEqual(asRow);
          const [students, needed, , spare, , pass] = asRow[0] as [
            number,
            number,
            number,
            number,
            number,
            boolean,
          ];
          expect(students).toBe(counts.reduce((a, b) => a + b, 0));
          expect(spare).toBe(rooms - needed);
          expect(pass).toBe(spare >= 0);
        },
      ),
    );
  });
});
