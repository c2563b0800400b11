import type { Problem } from "../../src/district/problems";
import { FUNCTION_TEXTS } from "../../src/functions/i18n";
import { NATIONAL, getPack } from "../../src/policy";
import { isDark } from "../../src/taskpane/i18n";
import { effectivePack } from "../../src/taskpane/pack";
import { problemAddress } from "../../src/taskpane/problems";
import { exampleFormula, formulaLiteral, signature } from "../../src/taskpane/steps/FunctionsPanel";

const problem = (extra: Partial<Problem>): Problem => ({
  severity: "error",
  file: "x",
  field: "schools[0].classes",
  message: "必须为 0 或以上",
  messageEn: "must be 0 or more",
  ...extra,
});

describe("a problem's cell in the workbook", () => {
  const tables = [
    {
      sheet: "录入-学校",
      rows: [
        ["学校代码", "学校名称", "班级数"],
        ["S1", "一小", -5],
      ],
    },
  ];

  it("is the problem's row under the column whose header it names", () => {
    expect(problemAddress(problem({ sheet: "录入-学校", row: 2, column: "班级数" }), tables)).toBe("C2");
  });

  it("is the row's first cell when the header is not found", () => {
    expect(problemAddress(problem({ sheet: "录入-学校", row: 2, column: "在校生" }), tables)).toBe("A2");
  });

  it("does not exist for a problem without sheet or row", () => {
    expect(problemAddress(problem({ row: 2 }), tables)).toBeUndefined();
    expect(problemAddress(problem({ sheet: "录入-学校" }), tables)).toBeUndefined();
  });
});

describe("the pack the workbook uses", () => {
  it("is the chosen built-in pack while nothing is edited", () => {
    expect(effectivePack({ packId: "national", edits: {} })).toBe(NATIONAL);
  });

  it("is a derived pack with the edits, leaving the built-in pack unchanged", () => {
    const before = JSON.stringify(getPack("zhenlai-2012"));
    const pack = effectivePack({ packId: "zhenlai-2012", edits: { "class_size.primary": 40 } });
    expect(pack).toMatchObject({
      id: "zhenlai-2012-edited",
      version: "1.0.1",
      basedOn: "zhenlai-2012@1.0.0",
    });
    expect(pack.values["class_size.primary"].value).toBe(40);
    expect(pack.values["class_size.primary"].source).toMatch(/user edit/);
    expect(JSON.stringify(getPack("zhenlai-2012"))).toBe(before);
  });
});

describe("formulas the functions panel inserts", () => {
  it("writes arguments as formula literals: quoted text, booleans, array constants for ranges", () => {
    expect(formulaLiteral('他说"好"')).toBe('"他说""好"""');
    expect(formulaLiteral(true)).toBe("TRUE");
    expect(formulaLiteral(null)).toBe("");
    expect(formulaLiteral([[1], [2]])).toBe("{1;2}");
    expect(formulaLiteral([[1, "a"]])).toBe('{1,"a"}');
  });

  it("has an example formula for every function with an example, named EDU.<id>", () => {
    for (const [id, text] of Object.entries(FUNCTION_TEXTS)) {
      const formula = exampleFormula(id, text);
      if (text.examples.length === 0) expect(formula).toBeUndefined();
      else expect(formula).toMatch(new RegExp(`^=EDU\\.${id}\\(.*\\)$`));
    }
  });
});

describe("the functions panel's example formulas and signatures", () => {
  it("leaves out omitted optional arguments at the end of an example, as a user would type it", () => {
    const text = FUNCTION_TEXTS.DROPOUT_CHECK!;
    const withOmitted = { ...text, examples: [{ args: [1200, 30, "初中", null, null], result: true }] };
    expect(exampleFormula("DROPOUT_CHECK", withOmitted)).toBe('=EDU.DROPOUT_CHECK(1200,30,"初中")');
    const middle = { ...text, examples: [{ args: [1200, 30, "初中", null, 0.02], result: true }] };
    expect(exampleFormula("DROPOUT_CHECK", middle)).toBe('=EDU.DROPOUT_CHECK(1200,30,"初中",,0.02)');
  });

  it("names the arguments in Chinese for a Chinese Office", () => {
    const text = FUNCTION_TEXTS.GROWTH!;
    expect(signature("GROWTH", text, "zh-CN")).toBe(
      `EDU.GROWTH(${text.parameters.map((p) => p.zhName).join(", ")})`,
    );
  });
});

describe("Office's theme", () => {
  it("is dark for a dark body background and light otherwise or when unknown", () => {
    expect(isDark("#1f1f1f")).toBe(true);
    expect(isDark("#FFFFFF")).toBe(false);
    expect(isDark(undefined)).toBe(false);
    expect(isDark("not a colour")).toBe(false);
  });
});
