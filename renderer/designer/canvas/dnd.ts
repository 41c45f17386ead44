// What is being dragged and which drop target is under it. Kept outside React Flow's state so a
// hover change re-renders only the targets concerned.
import { create } from "zustand";
import {
  canDrop,
  type DropSubject,
  type InsertionPoint,
  insertionPointId,
  type WdlDefinition,
} from "../../../shared/flow";

export type DragSubject =
  | { kind: "new"; connectorId: string; operationId: string; wdlType: string }
  /** Existing steps: one, or a selection of several moved together. */
  | { kind: "move"; names: readonly string[] };

export interface DropHover {
  pointId: string;
  ok: boolean;
  reason?: string;
}

interface DndState {
  dragging: DragSubject | undefined;
  hover: DropHover | undefined;
  start(subject: DragSubject): void;
  hoverPoint(hover: DropHover | undefined): void;
  end(): void;
}

export const useDnd = create<DndState>((set, get) => ({
  dragging: undefined,
  hover: undefined,
  start: (subject) => set({ dragging: subject, hover: undefined }),
  hoverPoint: (hover) => {
    const current = get().hover;
    if (current?.pointId === hover?.pointId && current?.ok === hover?.ok) return;
    set({ hover });
  },
  end: () => set({ dragging: undefined, hover: undefined }),
}));

/** The MIME type of a palette item in HTML drag and drop. */
export const STEP_MIME = "application/x-flowsmith-step";

export function dropSubject(subject: DragSubject): DropSubject {
  if (subject.kind === "new") return { type: subject.wdlType };
  return subject.names.length === 1 ? (subject.names[0] ?? "") : { steps: subject.names };
}

export function checkDropAt(
  definition: WdlDefinition,
  subject: DragSubject,
  point: InsertionPoint,
): DropHover {
  const check = canDrop(definition, dropSubject(subject), point);
  return check.ok
    ? { pointId: insertionPointId(point), ok: true }
    : { pointId: insertionPointId(point), ok: false, reason: check.reason };
}

/** The drop target under a screen point: an element carrying data-drop-point. */
export function dropPointAt(x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const id = (element as HTMLElement).dataset?.dropPoint;
    if (id) return id;
  }
  return undefined;
}
