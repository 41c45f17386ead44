// "Find a step" (Ctrl+F): a box over the canvas's top-right corner that finds steps by name,
// operation or connector, at any depth, inside collapsed scopes too. The canvas draws only the cards
// on screen, so the browser's own find cannot see the others.
import { ChevronDown, ChevronUp, X } from "lucide-react";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { t } from "../i18n";
import { IconButton } from "../ui/IconButton";
import { SearchField } from "../ui/SearchField";
import { useDesigner } from "./state/context";
import {
  type FoundStep,
  matchSteps,
  normalizeQuery,
  splitTitle,
  stepIndex,
  stepsOf,
} from "./state/find-steps";
import { graphOf } from "./state/graph-cache";

export interface FindBoxProps {
  /** Changes each time Find is asked for again: the field takes the focus and its text is selected. */
  focusRequest: number;
  /** Select the step and bring it into view. */
  onGoTo: (step: FoundStep) => void;
  onClose: () => void;
}

/** In the field: Enter and ↓ go to the next match, Shift+Enter and ↑ to the previous one. */
const FIELD_KEYS: Partial<Record<string, 1 | -1>> = { Enter: 1, ArrowDown: 1, ArrowUp: -1 };

export function FindBox({ focusRequest, onGoTo, onClose }: FindBoxProps) {
  const definition = useDesigner((s) => s.definition);
  const steps = useMemo(() => stepsOf(graphOf(definition)), [definition]);
  const [query, setQuery] = useState("");
  const matches = useMemo(() => matchSteps(steps, query), [steps, query]);
  // The current match by id, so that an edit elsewhere in the flow does not move it.
  const [currentId, setCurrentId] = useState<string>();
  const current = currentId === undefined ? -1 : matches.findIndex((m) => m.id === currentId);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each request focuses the field again
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const goTo = (step: FoundStep) => {
    setCurrentId(step.id);
    onGoTo(step);
  };
  const go = (direction: 1 | -1) => {
    const step = matches[stepIndex(current, matches.length, direction)];
    if (step) goTo(step);
  };

  // F3 and Shift+F3 go on wherever the focus is while the box is open (the canvas, a card…).
  const goLatest = useRef(go);
  goLatest.current = go;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "F3" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey)
        return;
      event.preventDefault();
      goLatest.current(event.shiftKey ? -1 : 1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the current match changes
  useEffect(() => {
    list.current?.querySelector(".find-result.current")?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    const direction = event.key === "Enter" && event.shiftKey ? -1 : FIELD_KEYS[event.key];
    if (direction === undefined) return;
    event.preventDefault();
    go(direction);
  };

  // Escape from anywhere in the box (the field, a result, a button) closes it.
  const onBoxKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  const status =
    normalizeQuery(query) === ""
      ? ""
      : matches.length === 0
        ? t("designer.find.none")
        : current < 0
          ? t("designer.find.count", { count: matches.length })
          : t("designer.find.position", { index: current + 1, count: matches.length });

  return (
    <search className="find-box" aria-label={t("designer.find.label")} onKeyDown={onBoxKey}>
      <div className="find-bar">
        <SearchField
          label={t("designer.find.label")}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setCurrentId(undefined);
          }}
          onKeyDown={onFieldKey}
          inputRef={input}
          iconSize={15}
        />
        <span
          className={matches.length === 0 && status !== "" ? "find-status none" : "find-status"}
          role="status"
          data-testid="find-status"
        >
          {status}
        </span>
        <IconButton
          label={t("designer.find.previous")}
          icon={<ChevronUp size={16} />}
          disabled={matches.length === 0}
          onClick={() => go(-1)}
        />
        <IconButton
          label={t("designer.find.next")}
          icon={<ChevronDown size={16} />}
          disabled={matches.length === 0}
          onClick={() => go(1)}
        />
        <IconButton label={t("designer.find.close")} icon={<X size={16} />} onClick={onClose} />
      </div>
      {matches.length > 0 && (
        <ul className="find-results" ref={list} aria-label={t("designer.find.results")}>
          {matches.map((step, index) => (
            <li key={step.id}>
              <button
                type="button"
                className={index === current ? "find-result current" : "find-result"}
                aria-current={index === current ? "true" : undefined}
                data-testid="find-result"
                // The field keeps the focus, so typing and Enter go on from the row chosen.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => goTo(step)}
              >
                <span className="find-result-title">
                  <Marked title={step.title} query={query} />
                </span>
                <span className="find-result-where" title={whereOf(step)}>
                  {whereOf(step)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}

/** "Condition › Yes · Send an email (V2)": where the step is, then what it does (cut short first in a narrow row). */
function whereOf(step: FoundStep): string {
  const what = step.isTrigger ? t("designer.find.trigger") : step.operation;
  return step.path.length > 0 ? `${step.path.join(" › ")} · ${what}` : what;
}

function Marked({ title, query }: { title: string; query: string }) {
  const parts = splitTitle(title, query);
  if (!parts) return <>{title}</>;
  return (
    <>
      {parts.before}
      <mark>{parts.match}</mark>
      {parts.after}
    </>
  );
}
