/**
 * The shared reference folder that sits beside the project (`../shared`: the design, specs and source texts such as
 * the speeches the samples quote). A bare clone has no such folder: tests that read it then say so and do not run,
 * unless EDU_REQUIRE_SHARED=1 (as `.ci/run` sets it), which turns its absence into a failure.
 */
import { existsSync } from "fs";
import { join } from "path";

export const REQUIRE_SHARED = "EDU_REQUIRE_SHARED";
const ROOT = join(__dirname, "..", "..");

/** The shared folder's path, or null when it is absent and not required; throws when it is absent and required. */
export function sharedDir(
  options: { readonly root?: string; readonly env?: NodeJS.ProcessEnv } = {},
): string | null {
  const dir = join(options.root ?? ROOT, "..", "shared");
  if (existsSync(dir)) return dir;
  if ((options.env ?? process.env)[REQUIRE_SHARED] === "1")
    throw new Error(
      `The shared folder is missing: ${dir}. ${REQUIRE_SHARED}=1 requires it; put it beside the checkout, or unset ${REQUIRE_SHARED} to skip the checks that read it.`,
    );
  return null;
}

/**
 * A test that reads the shared folder. Without it (and not required) the test is not defined; in its place a test
 * named "shared folder absent: not run: …" says which check did not run, so a bare clone's green is never mistaken
 * for it.
 */
export function itWithShared(name: string, test: (dir: string) => void | Promise<void>): void {
  const dir = sharedDir();
  if (dir !== null) {
    it(name, async () => {
      await test(dir);
    });
    return;
  }
  it(`shared folder absent: not run: ${name} (${REQUIRE_SHARED}=1 makes this a failure)`, () => {
    expect(sharedDir()).toBeNull();
  });
}
