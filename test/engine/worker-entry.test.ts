import { mkdtemp, rm, utimes, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILT_WORKER, workerEntry } from "../../src/engine/worker-entry.ts";

describe("the engine's worker starts from its build only while the build is current (issue 30)", () => {
  let dir: string;
  let root: URL;
  const built = () => new URL("dist/engine/plan-worker.js", root);
  const sources = () => new URL("dist/engine/sources.json", root);
  /** Sets a file's modification time, in seconds since the epoch. */
  const touch = (url: URL, seconds: number) => utimes(url, seconds, seconds);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-worker-entry-"));
    root = pathToFileURL(`${dir}/`);
    await mkdir(new URL("dist/engine/", root), { recursive: true });
    await mkdir(new URL("src/engine/", root), { recursive: true });
    for (const file of ["src/engine/plan-worker.ts", "src/engine/a.ts"]) {
      await writeFile(new URL(file, root), "export {};\n");
      await touch(new URL(file, root), 1_000);
    }
    await writeFile(built(), "// built\n");
    await touch(built(), 2_000);
    await writeFile(sources(), JSON.stringify(["src/engine/a.ts", "src/engine/plan-worker.ts"]));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("the build, when every source it lists is older", () => {
    expect(workerEntry(built(), sources(), root).href).toBe(built().href);
  });

  it("the sources, once one of them is edited after the build", async () => {
    await touch(new URL("src/engine/a.ts", root), 3_000);
    expect(workerEntry(built(), sources(), root).href).toMatch(/src\/engine\/plan-worker\.mjs$/);
  });

  it("the sources, when a listed source is gone, the list is unreadable or there is no build", async () => {
    await rm(new URL("src/engine/a.ts", root));
    expect(workerEntry(built(), sources(), root).href).toMatch(/plan-worker\.mjs$/);
    await writeFile(sources(), "not json");
    expect(workerEntry(built(), sources(), root).href).toMatch(/plan-worker\.mjs$/);
    await rm(built());
    expect(workerEntry(built(), sources(), root).href).toMatch(/plan-worker\.mjs$/);
  });

  it("after `npm ci` in CI the repository's own build is current, so that is what the engine runs", () => {
    // Locally a source edited since `npm install` makes the build stale (the sources then run); CI
    // installs from a fresh clone, where it must not be.
    if (!process.env.CI) return;
    expect(workerEntry().href).toBe(BUILT_WORKER.href);
  });
});
