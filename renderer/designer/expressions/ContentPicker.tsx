import { useEffect, useMemo, useRef, useState } from "react";
import { t } from "../../i18n";
import { SearchField } from "../../ui/SearchField";
import type { ContentGroup } from "./dynamic-content";
import { ExpressionEditor } from "./ExpressionEditor";
import type { ExpressionScope } from "./expression-help";

/**
 * The dynamic content picker: outputs of the trigger and earlier steps, grouped by step, searchable,
 * with their types; and the expression tab for power users.
 */
export function ContentPicker({
  anchor,
  groups,
  scope,
  onInsert,
  onClose,
}: {
  anchor: DOMRect;
  groups: ContentGroup[];
  /** What the flow has, for the expression tab's check of the names used. */
  scope?: ExpressionScope;
  onInsert: (expression: string) => void;
  /** "escape": the person gave up (the field takes the focus back); "outside": they clicked elsewhere. */
  onClose: (how: "escape" | "outside") => void;
}) {
  const [tab, setTab] = useState<"content" | "expression">("content");
  const [query, setQuery] = useState("");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose("outside");
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onClose("escape");
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [onClose]);

  const filtered = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return groups;
    return groups
      .map((group) => ({
        ...group,
        items: group.items.filter(
          (item) => item.title.toLowerCase().includes(needle) || group.title.toLowerCase().includes(needle),
        ),
      }))
      .filter((group) => group.items.length > 0);
  }, [groups, query]);

  const width = 380;
  const height = 440;
  const left = Math.max(8, Math.min(anchor.right - width, window.innerWidth - width - 8));
  const top =
    anchor.bottom + 6 + height < window.innerHeight
      ? anchor.bottom + 6
      : Math.max(8, anchor.top - height - 6);

  return (
    <div
      ref={ref}
      className="content-picker"
      role="dialog"
      aria-label={t("designer.content.title")}
      style={{ left, top, width, maxHeight: height }}
    >
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === "content"} onClick={() => setTab("content")}>
          {t("designer.content.title")}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === "expression"}
          onClick={() => setTab("expression")}
        >
          {t("designer.content.expression")}
        </button>
      </div>
      {tab === "content" ? (
        <>
          <SearchField
            iconSize={15}
            autoFocus
            label={t("designer.content.search")}
            value={query}
            onChange={setQuery}
          />
          <div className="content-scroll">
            {filtered.length === 0 ? (
              <p className="muted content-empty">
                {groups.length === 0 ? t("designer.content.none") : t("designer.content.noMatch", { query })}
              </p>
            ) : (
              filtered.map((group) => (
                <section key={group.source} className="content-group">
                  <h3>{group.title}</h3>
                  <ul aria-label={group.title}>
                    {group.items.map((item) => (
                      <li key={item.expression}>
                        <button
                          type="button"
                          className="content-item"
                          title={item.expression}
                          onClick={() => onInsert(item.expression)}
                        >
                          <span className="content-title">{item.title}</span>
                          <span className="content-type">{item.type}</span>
                          {item.description && (
                            <span className="content-description">{item.description}</span>
                          )}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))
            )}
          </div>
        </>
      ) : (
        <ExpressionEditor onSubmit={onInsert} {...(scope ? { scope } : {})} />
      )}
    </div>
  );
}
