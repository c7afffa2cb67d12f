// imports/: the only way in from outside this folder.
export * from "./import-data.ts";
export * from "./import-reference-data.ts";
export * from "./import-report.ts";
export * from "./import-workbook.ts";
export * from "./seed-demo.ts";
