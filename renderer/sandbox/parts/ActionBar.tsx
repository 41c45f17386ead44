import { MoreHorizontal } from "lucide-react";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { t } from "../../i18n";
import { MenuButton } from "../../ui/MenuButton";
import { overflowingActions } from "./action-overflow";

export interface BarAction {
  key: string;
  label: string;
  icon?: ReactNode;
  primary?: boolean;
  disabled: boolean;
  /** Why it is disabled (shown on hover, on the bar and in More). */
  title?: string;
  onSelect: () => void;
}

const GAP = 6;

/**
 * A card's actions on one line: when the bar is too narrow for all of them, the disabled ones and
 * then the rightmost go into a More menu (the primary action and `trailing`, the Automate menu, stay).
 * Every button is also drawn once out of sight, to know its width.
 */
export function ActionBar({ actions, trailing }: { actions: BarAction[]; trailing?: ReactNode }) {
  const barRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const trailingRef = useRef<HTMLSpanElement>(null);
  const [moved, setMoved] = useState<readonly string[]>([]);

  // The keys and states the widths depend on: measured again when they change.
  const signature = actions.map((a) => `${a.key}:${a.label}:${a.disabled}`).join("|");
  const latest = useRef(actions);
  latest.current = actions;
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again when what the widths depend on changes
  useLayoutEffect(() => {
    const bar = barRef.current;
    const measure = measureRef.current;
    if (!bar || !measure) return;
    const refit = () => {
      const actions = latest.current;
      const buttons = [...measure.querySelectorAll<HTMLElement>("[data-measure]")];
      const width = (key: string) =>
        buttons.find((b) => b.dataset.measure === key)?.getBoundingClientRect().width ?? 0;
      const items = actions.map((a) => ({ width: width(a.key), disabled: a.disabled, keep: a.primary }));
      const indexes = overflowingActions(items, {
        available: bar.clientWidth,
        gap: GAP,
        moreWidth: width("__more"),
        trailingWidth: trailingRef.current?.getBoundingClientRect().width ?? 0,
      });
      const keys = indexes.map((i) => actions[i]?.key ?? "");
      setMoved((previous) => (previous.join("|") === keys.join("|") ? previous : keys));
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(bar);
    if (trailingRef.current) observer.observe(trailingRef.current);
    return () => observer.disconnect();
  }, [signature]);

  const button = (action: BarAction, measuring = false) => (
    <button
      key={action.key}
      type="button"
      className={action.primary ? "button primary" : "button"}
      disabled={measuring ? undefined : action.disabled}
      title={measuring ? undefined : action.title}
      tabIndex={measuring ? -1 : undefined}
      data-measure={measuring ? action.key : undefined}
      onClick={measuring ? undefined : action.onSelect}
    >
      {action.icon}
      {action.label}
    </button>
  );
  const overflow = actions.filter((a) => moved.includes(a.key));
  return (
    <div className="sbx-action-bar" ref={barRef}>
      <div className="sbx-action-measure" ref={measureRef} aria-hidden="true" inert>
        {actions.map((action) => button(action, true))}
        <button type="button" className="button" data-measure="__more" tabIndex={-1}>
          <MoreHorizontal size={16} aria-hidden="true" />
          {t("sandbox.bc.moreActions")}
        </button>
      </div>
      {actions.filter((a) => !moved.includes(a.key)).map((action) => button(action))}
      {overflow.length > 0 && (
        <MenuButton
          label={t("sandbox.bc.moreActions")}
          icon={<MoreHorizontal size={16} aria-hidden="true" />}
          withText
          items={overflow.map((action) => ({
            label: action.label,
            icon: action.icon,
            disabled: action.disabled,
            ...(action.title !== undefined ? { title: action.title } : {}),
            onSelect: action.onSelect,
          }))}
        />
      )}
      {trailing && <span ref={trailingRef}>{trailing}</span>}
    </div>
  );
}
