/**
 * docs/pack-files.md cannot rot: its example pack reads through the reader the CLI and the pane use, and it names
 * every key with its unit and every column of the pack file.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { NATIONAL_TIMELINE, PACK_COLUMNS, POLICY_KEYS, readPackJson, resolvePack } from "../../src/policy";

const DOCS = join(__dirname, "..", "..", "docs");
const doc = readFileSync(join(DOCS, "pack-files.md"), "utf8");
const readme = readFileSync(join(DOCS, "..", "README.md"), "utf8");

describe("docs/pack-files.md", () => {
  it("has an example pack that reads with no problem and sets the district's own values", () => {
    const read = readPackJson(readFileSync(join(DOCS, "examples", "pack.json"), "utf8"), "pack.json");
    expect(read.problems).toEqual([]);
    expect(read.changed).toEqual([
      "dropout.junior.rural",
      "public_funds.central_west.primary",
      "standardized.target_rate",
    ]);
    const pack = resolvePack(read.pack ?? NATIONAL_TIMELINE, 2026);
    expect(pack.values["dropout.junior.rural"]).toMatchObject({ value: 0.015, origin: "user" });
    expect(pack.values["standardized.target_rate"]).toMatchObject({
      value: 0.9,
      dueYear: 2028,
      origin: "user",
    });
  });

  it("names every key with its unit", () => {
    for (const key of POLICY_KEYS)
      expect(doc).toMatch(
        new RegExp(
          `\\| \`${key.replace(/\./g, "\\.")}\` +\\|[^|]+\\| ${NATIONAL_TIMELINE.values[key].unit} +\\|`,
        ),
      );
  });

  it("names every column in Chinese, English and JSON", () => {
    for (const column of PACK_COLUMNS)
      expect(doc).toMatch(new RegExp(`\\| ${column.zh} +\\| ${column.en} +\\| \`${column.key}\` +\\|`));
  });

  it("is linked from the README and from docs/input-formats.md", () => {
    expect(readme).toContain("docs/pack-files.md");
    expect(readFileSync(join(DOCS, "input-formats.md"), "utf8")).toContain("pack-files.md");
  });
});
