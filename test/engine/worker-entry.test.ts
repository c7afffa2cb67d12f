import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_DIR, buildIsCurrent, workerEntry } from "../../src/engine/worker-entry.ts";

describe("the engine runs from its build only while the build is current (issue 30)", () => {
  let root: URL;
  const dir = () => new URL("dist/engine/", root);
  const list = () => new URL("dist/engine/sources.json", root);
  /** Sets a file's modification time, in seconds since the epoch. */
  const touch = (url: URL, seconds: number) => utimes(url, seconds, seconds);

  beforeEach(async () => {
    root = pathToFileURL(`${await mkdtemp(join(tmpdir(), "seimbang-build-"))}/`);
    await mkdir(dir(), { recursive: true });
    await mkdir(new URL("src/engine/", root), { recursive: true });
    for (const file of ["src/engine/plan-worker.ts", "src/engine/a.ts"]) {
      await writeFile(new URL(file, root), "export {};\n");
      await touch(new URL(file, root), 1_000);
    }
    await writeFile(new URL("plan-worker.js", dir()), "// built\n");
    await writeFile(list(), JSON.stringify(["src/engine/a.ts", "src/engine/plan-worker.ts"]));
    await touch(list(), 2_000);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("current when every source it lists is older than the list", () => {
    expect(buildIsCurrent(dir(), root)).toBe(true);
  });

  it("stale once one of its sources is edited after the build", async () => {
    await touch(new URL("src/engine/a.ts", root), 3_000);
    expect(buildIsCurrent(dir(), root)).toBe(false);
  });

  it("stale when a listed source is gone, the list is unreadable or empty, or there is no list", async () => {
    await rm(new URL("src/engine/a.ts", root));
    expect(buildIsCurrent(dir(), root)).toBe(false);
    await writeFile(list(), "[]");
    expect(buildIsCurrent(dir(), root)).toBe(false);
    await writeFile(list(), "not json");
    expect(buildIsCurrent(dir(), root)).toBe(false);
    await rm(list());
    expect(buildIsCurrent(dir(), root)).toBe(false);
  });

  it("after `npm ci` in CI the repository's build is current, so the worker starts from it", () => {
    // Locally a source edited since `npm install` makes the build stale and the sources run; CI installs
    // from a fresh clone, where it must not be.
    if (!process.env.CI) return;
    expect(workerEntry().href).toBe(new URL("plan-worker.js", BUILD_DIR).href);
  });
});
