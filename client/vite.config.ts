import { defineConfig } from "vite";

// The Mini App's page (issue 27): built into dist/client and served by the bot under /app/.
export default defineConfig({
  root: import.meta.dirname,
  base: "/app/",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2020",
    // One file per kind: fewer round trips on a slow connection than many small chunks.
    assetsInlineLimit: 0,
  },
});
