/** manifest.xml: valid against the Office schema, self-consistent, pointing at built files, rewritable for hosting. */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEV_URL } from "../../scripts/metadata";
import { BUILD_TIMEOUT_MS, DIST, ROOT, buildFunctionsInto, ensureBuilt } from "../support/build";

// Microsoft's published manifest schemas (2019 edition), kept in the repository: see their README.md.
const SCHEMA = join(ROOT, "test", "fixtures", "schemas", "office-manifest-2019", "OfficeAppManifestV1_1.xsd");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function xmllint(file: string): { status: number | null; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error)
    throw new Error(`xmllint could not run (${run.error.message}): apt-get install -y libxml2-utils`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

test("manifest.xml validates against the Office add-in manifest schema 1.1", () => {
  if (!existsSync(SCHEMA))
    throw new Error(
      `The Office manifest schema is missing: ${SCHEMA} (it is part of the repository: restore it from git)`,
    );
  const { status, output } = xmllint(join(ROOT, "manifest.xml"));
  expect(output).toContain("validates");
  expect(status).toBe(0);
});

test("every resid the manifest uses is defined in its Resources, and every resource is used", () => {
  const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
  const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
  expect([...used].filter((id) => !defined.has(id))).toEqual([]);
  expect([...defined].filter((id) => !used.has(id))).toEqual([]);
});

test("every URL the manifest names is a file of the build", () => {
  const urls = [...manifest.matchAll(/"(https:\/\/localhost:3000\/[^"#]*)/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  expect(urls.filter((url) => !existsSync(join(DIST, url.slice(DEV_URL.length))))).toEqual([]);
});

test("the custom functions use namespace EDU, and zh-CN Excel loads functions.zh-cn.json", () => {
  expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="EDU"\/>/);
  expect(manifest).toMatch(
    /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*<bt:Override Locale="zh-cn" Value="https:\/\/localhost:3000\/functions.zh-cn.json"\/>/,
  );
});

test("the display name, the description and every shown string have a zh-CN override", () => {
  expect(manifest).toMatch(/<DisplayName [^>]*>\s*<Override Locale="zh-CN" Value="[^"]+"\/>/);
  expect(manifest).toMatch(/<Description [^>]*>\s*<Override Locale="zh-CN" Value="[^"]+"\/>/);
  const strings = [
    ...manifest.matchAll(/<bt:String id="([^"]+)"[^/]*?(\/>|>\s*<bt:Override Locale="zh-cn")/g),
  ];
  const withoutOverride = strings.filter((m) => m[2] === "/>").map((m) => m[1]);
  expect(withoutOverride).toEqual(["Functions.Namespace"]);
});

test(
  "a build with ADDIN_URL points every URL of the manifest, metadata and help pages at that host",
  () => {
    const out = mkdtempSync(join(tmpdir(), "edu-addin-"));
    try {
      buildFunctionsInto(out, "https://example.org/edu");
      const texts = allFiles(out).filter((file) => /\.(xml|json|html|js)$/.test(file));
      expect(texts.filter((file) => readFileSync(file, "utf8").includes("localhost"))).toEqual([]);
      const built = readFileSync(join(out, "manifest.xml"), "utf8");
      expect(built).toContain('DefaultValue="https://example.org/edu/functions.json"');
      expect(built).toContain('Value="https://example.org/edu/functions.zh-cn.json"');
      const metadata = JSON.parse(readFileSync(join(out, "functions.zh-cn.json"), "utf8")) as {
        functions: { helpUrl: string }[];
      };
      expect(metadata.functions[0]?.helpUrl).toMatch(/^https:\/\/example\.org\/edu\/help\//);
      expect(xmllint(join(out, "manifest.xml")).status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  BUILD_TIMEOUT_MS,
);
