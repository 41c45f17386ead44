import { Zap } from "lucide-react";
import { type CSSProperties, type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { InstantFlow } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { describeError } from "../ui/errors";
import { focusMenuItem, useMenuKeys } from "../ui/Menu";

/** Why the menu offers no flows: declined, turned off (by someone else, or by this administrator). */
export type AutomateState = "on" | "declined" | "off" | "offByYou";

/** Room kept between the menu and the window's edges. */
const MARGIN = 8;

/**
 * The open Automate menu (role menu, keys as the app's other menus: ↑/↓/Home/End move, Escape and
 * Tab close): the instant flows offered on the page in a list that scrolls on its own, then
 * Create a flow and Manage flows, always in view. Declined or turned off, it says so and offers
 * Settings instead.
 */
export function AutomateMenuList({
  id,
  table,
  tableTitle,
  state,
  focus,
  anchor,
  onClose,
  onRun,
  onCreate,
  onLeave,
}: {
  id: string;
  table: string;
  tableTitle: string;
  state: AutomateState;
  /** The item that takes the focus once the items are there: ↓ (and Enter) the first, ↑ the last. */
  focus: "first" | "last";
  /** The Automate button, under which the menu opens. */
  anchor: RefObject<HTMLElement | null>;
  onClose: (focusReturn: boolean) => void;
  onRun: (flow: InstantFlow) => void;
  onCreate: () => void;
  onLeave: (path: string) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [flows, setFlows] = useState<InstantFlow[]>();
  const [error, setError] = useState<string>();
  const [place, setPlace] = useState<CSSProperties>({});
  const onKeyDown = useMenuKeys(root, onClose, { focusOnOpen: false });

  useEffect(() => {
    if (state !== "on") return;
    let current = true;
    api.call("automate.flowsFor", { page: table }).then(
      (found) => current && setFlows(found),
      (cause: unknown) => current && setError(describeError(cause)),
    );
    return () => {
      current = false;
    };
  }, [state, table]);

  // The first (or last) item takes the focus once the items are there; until then the menu keeps it,
  // so that Escape already closes. An item the person moved to meanwhile keeps it.
  const ready = state !== "on" || flows !== undefined || error !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: when the items arrive, not on each render
  useEffect(() => {
    const menu = root.current;
    if (!menu) return;
    if (!ready) menu.focus();
    else if (document.activeElement === menu || !menu.contains(document.activeElement))
      focusMenuItem(menu, focus);
  }, [ready]);

  // The menu stays within the window: as tall as the room below the button allows (the list of
  // flows scrolls, Create a flow and Manage flows stay), and to the left or right of the button,
  // whichever side has the room.
  useLayoutEffect(() => {
    const placeMenu = () => {
      const button = anchor.current?.getBoundingClientRect();
      const menu = root.current;
      if (!button || !menu) return;
      const maxHeight = Math.max(160, window.innerHeight - button.bottom - 4 - MARGIN);
      const width = menu.offsetWidth;
      const fitsRightAligned = button.right - width >= MARGIN;
      const fitsLeftAligned = button.left + width <= window.innerWidth - MARGIN;
      setPlace(!fitsRightAligned && fitsLeftAligned ? { maxHeight, left: 0, right: "auto" } : { maxHeight });
    };
    placeMenu();
    window.addEventListener("resize", placeMenu);
    return () => window.removeEventListener("resize", placeMenu);
  }, [anchor]);

  const settingsItem = (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      onClick={() => onLeave(`~/settings?section=${state === "offByYou" ? "admin" : "automate"}`)}
    >
      {t("automate.openSettings")}
    </button>
  );

  return (
    <div
      ref={root}
      id={id}
      className="menu automate-menu"
      role="menu"
      aria-label={t("automate.button")}
      tabIndex={-1}
      style={place}
      onKeyDown={onKeyDown}
      data-testid="automate-menu"
    >
      {state !== "on" ? (
        <>
          <p className="menu-note">
            {t(
              state === "declined"
                ? "automate.declined"
                : state === "offByYou"
                  ? "automate.offByYou"
                  : "automate.off",
            )}
          </p>
          <hr className="menu-separator" />
          {settingsItem}
        </>
      ) : (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: a group of menu items, which a fieldset is not */}
          <div
            className="automate-flows"
            role="group"
            aria-label={t("automate.flowsOn", { page: tableTitle })}
            data-testid="automate-flows"
          >
            {error && <p className="menu-note form-error">{error}</p>}
            {flows === undefined && !error && <p className="menu-note muted">{t("common.loading")}</p>}
            {flows?.length === 0 && <p className="menu-note muted">{t("automate.none")}</p>}
            {flows?.map((flow) => (
              <button
                key={flow.flowId}
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => onRun(flow)}
              >
                <Zap size={14} aria-hidden="true" />
                <span className="menu-label">
                  {flow.name}
                  {flow.everywhere && <span className="muted"> · {t("automate.everywhere")}</span>}
                </span>
              </button>
            ))}
          </div>
          <hr className="menu-separator" />
          <button type="button" role="menuitem" className="menu-item" onClick={onCreate}>
            {t("automate.create")}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => onLeave(`~/workflows?page=${encodeURIComponent(table)}`)}
          >
            {t("automate.manage")}
          </button>
        </>
      )}
    </div>
  );
}
