// Keyboard focus back on the canvas: after a box over it closes (Find, the properties panel, a
// menu), the keys must go on from a card, not from the page's body.

/** Focuses the card (or scope) of a node; false when it is not drawn. */
export function focusCard(nodeId: string | undefined | null): boolean {
  if (!nodeId) return false;
  const card = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  card?.focus({ preventScroll: true });
  return card !== null;
}

/** The selected card if there is one, else the flow's first card (its trigger). */
export function focusCanvas(selected: string | undefined | null): void {
  if (focusCard(selected)) return;
  document.querySelector<HTMLElement>(".react-flow__node")?.focus({ preventScroll: true });
}
