import type { KeyboardEvent, PointerEvent } from "react";
import { t } from "../i18n";
import { followPointer } from "../ui/follow-pointer";
import { MIN_CANVAS, PANEL_LIMITS, type PanelSide, type usePanelWidths } from "./panel-widths";

const STEP = 16;

/**
 * The edge between the canvas and a side panel: drag it, or focus it and use the arrow keys (Home
 * and End for the narrowest and widest), to change the panel's width; a double-click puts the
 * panel back to its first width. A window splitter for assistive technology (role="separator").
 */
export function PanelResizer({
  side,
  width,
  otherWidth,
  onResize,
  onReset,
}: {
  side: PanelSide;
  width: number;
  /** The other panel's width, 0 when it is closed: the canvas keeps MIN_CANVAS between them. */
  otherWidth: number;
  onResize: (width: number, room: number) => void;
  onReset: () => void;
}) {
  const { min, max } = PANEL_LIMITS[side];
  const roomIn = (body: DOMRect) => body.width - otherWidth - MIN_CANVAS;
  const bodyOf = (element: Element) => element.closest(".designer-body")?.getBoundingClientRect();

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const body = bodyOf(event.currentTarget);
    if (!body) return;
    event.preventDefault();
    followPointer(event, (e) =>
      onResize(side === "palette" ? e.clientX - body.left : body.right - e.clientX, roomIn(body)),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const body = bodyOf(event.currentTarget);
    const room = body ? roomIn(body) : Number.POSITIVE_INFINITY;
    // The arrow pointing away from the canvas widens the panel.
    const wider = side === "palette" ? "ArrowRight" : "ArrowLeft";
    const narrower = side === "palette" ? "ArrowLeft" : "ArrowRight";
    const targets: Record<string, number> = {
      [wider]: width + STEP,
      [narrower]: width - STEP,
      Home: min,
      End: max,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(next, room);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is role="separator" (WAI-ARIA), there is no element for it
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t(side === "palette" ? "designer.resize.palette" : "designer.resize.panel")}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      className={`panel-resizer ${side === "palette" ? "at-left" : "at-right"}`}
      title={t("designer.resize.hint")}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
      data-testid={`resize-${side}`}
    />
  );
}

/** The edges of the side panels that are open, for the canvas area between them. */
export function PanelResizers({
  palette,
  panel,
  sizes,
}: {
  palette: boolean;
  panel: boolean;
  sizes: ReturnType<typeof usePanelWidths>;
}) {
  const { widths, setWidth, reset } = sizes;
  const edge = (side: PanelSide, other: boolean) => (
    <PanelResizer
      side={side}
      width={widths[side]}
      otherWidth={other ? widths[side === "palette" ? "panel" : "palette"] : 0}
      onResize={(width, room) => setWidth(side, width, room)}
      onReset={() => reset(side)}
    />
  );
  return (
    <>
      {palette && edge("palette", panel)}
      {panel && edge("panel", palette)}
    </>
  );
}
