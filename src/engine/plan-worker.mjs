// The worker's entry: TypeScript sources are loaded as `npm start` loads them (tsx), then the engine runs.
import { register } from "tsx/esm/api";

register();
await import("./plan-worker.ts");
