#!/usr/bin/env node
// The `seimbang` command: runs the TypeScript CLI through tsx's loader (no build step). `plan` runs from
// the engine's build when it is current (scripts/build-engine.ts): tsx and the sources take 0.6–0.9 s
// to load, a third of what issue 30 gives `plan` on 5,000 people.
const argv = process.argv.slice(2);
const built = argv[0] === "plan" ? await import("../dist/engine/plan-cli.js").catch(notBuilt) : null;
if (built?.buildIsCurrent()) {
  process.exitCode = await built.runPlan(argv);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}

/** No build yet (a checkout before `npm install`): the sources run. Any other failure is the build's bug. */
function notBuilt(error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND") return null;
  throw error;
}
