import { writeXlsx } from "../../../src/writers/xlsx";
import { readXlsx, workbookDifferences } from "./readBack";
import { SAMPLE_IDS, samplePlan } from "./samplePlans";

describe.each(SAMPLE_IDS)("the %s budget workbook written as .xlsx", (id) => {
  it("holds exactly what its plan holds", async () => {
    const plan = samplePlan(id);
    expect(workbookDifferences(await readXlsx(await writeXlsx(plan)), plan)).toEqual([]);
  });
});
