// district-view/: the only way in from outside this folder. What the Mini App shows (docs/web.md).
export * from "./get-district-map.ts";
export * from "./list-proposals-in-view.ts";
export * from "./get-unit-view.ts";
