// formasi/: the only way in from outside this folder. The hiring request and the retirement projection (issue 28).
export * from "./build-formasi.ts";
