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

/** Numbers as Indonesians write them (1.234,5), or as English does. */
export function num(value: number, locale: string, digits = 1): string {
  return value.toLocaleString(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: digits });
}
