import { defineConfig } from "vitest/config";

// Two runs: everything on embedded PGlite, and everything that touches a database again on the
// local PostgreSQL (the production engine), each test file with its own fresh database.
const needsDatabase = [
  "test/db/**/*.test.ts",
  "test/use-cases/**/*.test.ts",
  "test/bot/**/*.test.ts",
  "test/delivery/**/*.test.ts",
  "test/jobs/**/*.test.ts",
  // Issue 24: the plan in flight over a semester must hold on both engines.
  "test/e2e/semester.test.ts",
  // Issue 27: the Mini App decides through the same use cases, on both engines.
  "test/web/api.test.ts",
  "test/web/what-if-memo.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default on a 2-core machine is one worker; most of a file's time is spent waiting (child
    // processes, PostgreSQL, simulated Telegram windows), so a few workers overlap those waits.
    maxWorkers: 3,
    setupFiles: ["test/support/strict-telegram.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["test/**/*.test.ts"],
          env: { SEIMBANG_TEST_DB: "pglite" },
          // Files in one worker share modules and so one migrated PGlite (test/support/db.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: needsDatabase,
          env: { SEIMBANG_TEST_DB: "postgres" },
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
