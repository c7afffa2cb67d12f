// Prisma CLI configuration. The JavaScript schema engine runs migrations through a driver adapter,
// so no native engine is downloaded (see ../shared/TOOLCHAIN.md). Migrations are authored against a
// throw-away in-memory PGlite; the app applies the committed SQL itself (src/db/migrate.ts).
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  // The adapter package is typed against an older driver-adapter-utils; the runtime contract matches.
  adapter: async () =>
    new PrismaPGlite(
      new PGlite(process.env.PRISMA_PGLITE_DIR),
    ) as unknown as SqlMigrationAwareDriverAdapterFactory,
});
