// Keyboard navigation between cards: arrows move the selection to the nearest card in that direction,
// Enter opens its properties, Escape closes them (then clears the selection).
export interface PlacedCard {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Direction = "up" | "down" | "left" | "right";

/** The nearest card whose centre lies in the direction, preferring cards straight ahead. */
export function nearestCard(
  cards: readonly PlacedCard[],
  fromId: string | undefined,
  direction: Direction,
): string | undefined {
  const from = cards.find((c) => c.id === fromId);
  if (!from) return cards[0]?.id;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: { id: string; score: number } | undefined;
  for (const card of cards) {
    if (card.id === from.id) continue;
    const dx = card.x + card.width / 2 - cx;
    const dy = card.y + card.height / 2 - cy;
    const ahead = direction === "down" ? dy : direction === "up" ? -dy : direction === "right" ? dx : -dx;
    const across = direction === "down" || direction === "up" ? Math.abs(dx) : Math.abs(dy);
    if (ahead <= 1) continue;
    // Up and down: the next row first (branches right below a Condition), then the closest across it.
    // Left and right: stay on the same row.
    const score = ahead + across * (direction === "up" || direction === "down" ? 0.5 : 2);
    if (!best || score < best.score) best = { id: card.id, score };
  }
  return best?.id;
}
