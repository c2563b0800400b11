import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { REQUIRE_SHARED, sharedDir } from "./shared";

describe("sharedDir", () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), "edu-shared-"));
    mkdirSync(join(base, "repo"));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("gives the shared folder beside the checkout when it is there, required or not", () => {
    mkdirSync(join(base, "shared"));
    expect(sharedDir({ root: join(base, "repo"), env: {} })).toBe(join(base, "shared"));
    expect(sharedDir({ root: join(base, "repo"), env: { [REQUIRE_SHARED]: "1" } })).toBe(
      join(base, "shared"),
    );
  });

  it("gives null when the folder is absent and not required", () => {
    expect(sharedDir({ root: join(base, "repo"), env: {} })).toBeNull();
  });

  it("fails naming the folder and the variable when the folder is absent and EDU_REQUIRE_SHARED=1", () => {
    expect(() => sharedDir({ root: join(base, "repo"), env: { [REQUIRE_SHARED]: "1" } })).toThrow(
      new RegExp(`shared folder is missing: ${join(base, "shared")}.*${REQUIRE_SHARED}=1`),
    );
  });
});
