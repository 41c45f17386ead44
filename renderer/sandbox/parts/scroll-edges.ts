// Whether a sideways-scrolling area has more to show on either side: the sandbox's wide grids
// (Excel's tables) draw a shadow on that side, so columns cut at the edge read as "more this way".
import { type RefObject, useEffect, useState } from "react";

export interface ScrollEdges {
  /** Content is hidden on the left (scrolled right). */
  before: boolean;
  /** Content is hidden on the right. */
  after: boolean;
}

/** A pixel of slack: zoomed pages scroll to fractions and never quite reach the end. */
export function scrollEdges(box: {
  scrollLeft: number;
  scrollWidth: number;
  clientWidth: number;
}): ScrollEdges {
  return {
    before: box.scrollLeft > 1,
    after: box.scrollLeft + box.clientWidth < box.scrollWidth - 1,
  };
}

/** The edges of the element, kept up to date as it scrolls, resizes or its content changes. */
export function useScrollEdges(ref: RefObject<HTMLElement | null>, contentKey: unknown): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>({ before: false, after: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: new content (contentKey) changes the widths
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () =>
      setEdges((current) => {
        const next = scrollEdges(element);
        return next.before === current.before && next.after === current.after ? current : next;
      });
    update();
    element.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : undefined;
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, [ref, contentKey]);
  return edges;
}
