/**
 * Telegram's launch parameters, as Telegram passes them in the URL's hash (#tgWebAppData=…&
 * tgWebAppThemeParams=…; docs.telegram-mini-apps.com/platform/launch-parameters). Kept in
 * sessionStorage: the hash may be lost when the page reloads inside Telegram.
 */
export interface Launch {
  initData: string;
  theme: Record<string, string>;
  startParam: string | null;
  /** The language of the person's Telegram app, from the signed user. */
  languageCode: string | null;
}

const KEY = "seimbang.launch";

export function readLaunch(): Launch | null {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const initData = hash.get("tgWebAppData");
  if (initData) {
    const launch: Launch = {
      initData,
      theme: parseTheme(hash.get("tgWebAppThemeParams")),
      startParam: hash.get("tgWebAppStartParam") ?? new URLSearchParams(initData).get("start_param"),
      languageCode: languageOf(initData),
    };
    sessionStorage.setItem(KEY, JSON.stringify(launch));
    return launch;
  }
  const saved = sessionStorage.getItem(KEY);
  return saved ? (JSON.parse(saved) as Launch) : null;
}

function languageOf(initData: string): string | null {
  try {
    const user = JSON.parse(new URLSearchParams(initData).get("user") ?? "{}") as { language_code?: unknown };
    return typeof user.language_code === "string" ? user.language_code : null;
  } catch {
    return null;
  }
}

function parseTheme(value: string | null): Record<string, string> {
  try {
    const theme = JSON.parse(value ?? "{}") as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(theme).filter((e): e is [string, string] => /^#[0-9a-f]{3,8}$/i.test(String(e[1]))),
    );
  } catch {
    return {};
  }
}

/** Telegram's colours as CSS variables (--tg-bg_color…), over the page's own defaults. */
export function applyTheme(theme: Record<string, string>): void {
  for (const [name, color] of Object.entries(theme))
    document.documentElement.style.setProperty(`--tg-${name}`, color);
}
