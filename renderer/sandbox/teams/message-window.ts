// How many of a place's newest messages Teams shows: a page at first, a page more for each "Load
// older messages", and as many whole pages as it takes to show a message a link points to.

/** Messages shown at first, and added by each "Load older messages". */
export const PAGE = 100;

/** Whole pages enough to show the message that has `newer` messages after it in its place. */
export function windowToReach(newer: number): number {
  return Math.ceil((newer + 1) / PAGE) * PAGE;
}
