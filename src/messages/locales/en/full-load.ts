import type { fullLoad as id } from "../id/full-load.ts";

export const fullLoad: Record<keyof typeof id, string> = {
  "full_load.places":
    "<b>Teaching load</b>\nYou are recorded as teaching {taught} of {standard} lesson hours (JP). After the latest balancing check, the nearest units still short of hours in your role:\n{lines}\nIf you are interested, tell your head or the transfer team; you can also say you are willing and where you would go in /saya.",
  "full_load.line": "• {unit} ({code}){distance}: {short} short",
  "full_load.distance": ", {km} km",
  "full_load.short": "{hours} JP {role}",
  "full_load.none":
    "<b>Teaching load</b>\nYou are recorded as teaching {taught} of {standard} lesson hours (JP). No unit is short of hours in your role now, so a full load is not available yet. The transfer team knows.",
};
