import type { lifecycle as id } from "../id/lifecycle.ts";

export const lifecycle: Record<keyof typeof id, string> = {
  "jabatan.bup.rule": "by the rule",
  "jabatan.bup.set": "set by an admin",
};
