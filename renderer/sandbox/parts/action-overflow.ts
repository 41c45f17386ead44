// Which actions of a card's action bar go into its More menu when the bar is too narrow for all.

export interface BarItem {
  /** The button's width on screen, in pixels. */
  width: number;
  disabled: boolean;
  /** Stays on the bar whatever the width (the card's main action). */
  keep?: boolean;
}

export interface BarRoom {
  /** The bar's width. */
  available: number;
  /** The space between two buttons. */
  gap: number;
  /** The More button's width. */
  moreWidth: number;
  /** What always ends the bar (the Automate menu), 0 when nothing. */
  trailingWidth: number;
}

/**
 * The indexes of the items that move into More, so that the rest, More and the trailing part fit on
 * one line: none when all fit. Disabled actions go first, then the enabled ones from the right,
 * so what can be done now stays in view, in its place; a kept item never moves.
 */
export function overflowingActions(items: readonly BarItem[], room: BarRoom): number[] {
  const width = (shown: readonly number[], more: boolean) => {
    const parts = shown.map((index) => items[index]?.width ?? 0);
    if (more) parts.push(room.moreWidth);
    if (room.trailingWidth > 0) parts.push(room.trailingWidth);
    return parts.reduce((sum, part) => sum + part, 0) + Math.max(0, parts.length - 1) * room.gap;
  };
  const all = items.map((_, index) => index);
  if (width(all, false) <= room.available) return [];
  const fromRight = [...all].reverse().filter((index) => items[index]?.keep !== true);
  const order = [
    ...fromRight.filter((index) => items[index]?.disabled),
    ...fromRight.filter((index) => !items[index]?.disabled),
  ];
  const moved: number[] = [];
  for (const index of order) {
    moved.push(index);
    const shown = all.filter((i) => !moved.includes(i));
    if (width(shown, true) <= room.available) break;
  }
  return moved.sort((a, b) => a - b);
}
