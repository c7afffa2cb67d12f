// Whether the build of the engine (scripts/build-engine.ts: the worker thread and `seimbang plan`) is
// current, and so which file the engine's worker starts from. A build older than any of its sources (a
// source edited after `npm install`) is never run: the sources then run through tsx, as the bot's do.
import { readFileSync, statSync } from "node:fs";

// The repository's root, from this file in src/engine/ and from its build in dist/engine/ alike.
const ROOT = new URL("../../", import.meta.url);
export const BUILD_DIR = new URL("dist/engine/", ROOT);
/** The build's list of the sources it was made from, paths relative to the root. */
export const SOURCES_FILE = "sources.json";
const SOURCE_WORKER = new URL("src/engine/plan-worker.mjs", ROOT);

/** True if the build exists and none of the sources it lists is newer or missing. */
export function buildIsCurrent(dir = BUILD_DIR, root = ROOT): boolean {
  try {
    const listed: unknown = JSON.parse(readFileSync(new URL(SOURCES_FILE, dir), "utf8"));
    if (!Array.isArray(listed) || listed.length === 0) return false;
    // The list is written last: a build cut short leaves it missing or older than its files.
    const builtAt = statSync(new URL(SOURCES_FILE, dir)).mtimeMs;
    return listed.every((file) => statSync(new URL(String(file), root)).mtimeMs <= builtAt);
  } catch {
    // No build (a checkout before `npm install`), or a source listed there is gone.
    return false;
  }
}

/** The built worker while the build is current, else the sources' (through tsx). */
export function workerEntry(): URL {
  return buildIsCurrent() ? new URL("plan-worker.js", BUILD_DIR) : SOURCE_WORKER;
}
