/** Picks the card's colours from the page's own background, so the card reads well on dark pages. */
import type { Theme } from './CardFrame';

/** Red, green, blue (0–255) and alpha (0–1) of a computed CSS colour like "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)". */
export function parseRgb(color: string): [number, number, number, number] | undefined {
  const match =
    /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
      color.trim(),
    );
  if (!match) return undefined;
  const alphaText = match[4];
  let alpha = 1;
  if (alphaText !== undefined) {
    alpha = alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** "dark" when the colour's relative luminance (WCAG) is below the midpoint of black and white contrast. */
export function themeForBackground(color: string): Theme {
  const rgb = parseRgb(color);
  if (!rgb) return 'light';
  const [r, g, b] = rgb.slice(0, 3).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white equals contrast with black at L ≈ 0.179.
  return luminance < 0.179 ? 'dark' : 'light';
}

/** The theme for the background behind `el`: the first opaque-enough background up its ancestors. */
export function themeBehind(el: Element): Theme {
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node && view; node = node.parentElement) {
    const background = view.getComputedStyle(node).backgroundColor;
    const rgb = parseRgb(background);
    if (rgb && rgb[3] >= 0.5) return themeForBackground(background);
  }
  return 'light';
}
