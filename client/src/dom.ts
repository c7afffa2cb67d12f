/** An element with text children (never HTML: data goes into the page as text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function clear(node: HTMLElement): HTMLElement {
  node.replaceChildren();
  return node;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Numbers as Indonesians write them (1.234,5), or as English does. One formatter per locale and digits:
 * `toLocaleString` with options builds one on every call, and a province's table formats tens of
 * thousands of numbers.
 */
export function num(value: number, locale: string, digits = 1): string {
  const tag = locale === "en" ? "en-GB" : "id-ID";
  const key = `${tag}:${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}
