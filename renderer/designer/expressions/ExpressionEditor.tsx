import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { arityText } from "../../../shared/expr";
import { t } from "../../i18n";
import {
  completions,
  type ExpressionScope,
  expressionProblem,
  referenceNotices,
  signatureAt,
  wordAt,
} from "./expression-help";

/** The raw expression language for power users: autocomplete, signature help, errors at their place. */
export function ExpressionEditor({
  initial = "",
  scope,
  onSubmit,
}: {
  initial?: string;
  /** The flow's steps, variables and loops: names the expression uses that it lacks are pointed out. */
  scope?: ExpressionScope;
  onSubmit: (expression: string) => void;
}) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  // Opening the tab is asking to write: the box takes the focus.
  useEffect(() => {
    area.current?.focus();
  }, []);
  const suggestions = useMemo(() => completions(text, caret), [text, caret]);
  const signature = useMemo(() => signatureAt(text, caret), [text, caret]);
  const problem = useMemo(() => expressionProblem(text), [text]);
  const notices = useMemo(() => (scope ? referenceNotices(text, scope) : []), [text, scope]);

  const accept = (name: string) => {
    const { start } = wordAt(text, caret);
    const next = `${text.slice(0, start)}${name}(${text.slice(caret)}`;
    const at = start + name.length + 1;
    setText(next);
    setCaret(at);
    setActive(0);
    caretAfterRender.current = at;
  };
  // The caret goes inside the parentheses as the completed text is drawn, before the next key is
  // handled: set a frame later, it pulled back characters typed quickly after Tab.
  useLayoutEffect(() => {
    const at = caretAfterRender.current;
    if (at === null) return;
    caretAfterRender.current = null;
    area.current?.focus();
    area.current?.setSelectionRange(at, at);
  });

  return (
    <div className="expression-editor">
      <div className="expression-input">
        <span className="expression-fx" aria-hidden="true">
          fx
        </span>
        <textarea
          ref={area}
          className="input expression-text"
          aria-label={t("designer.expression.label")}
          aria-invalid={problem ? true : undefined}
          aria-describedby="expression-problem"
          spellCheck={false}
          value={text}
          placeholder={t("designer.expression.placeholder")}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setActive(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (suggestions.length > 0 && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
              event.preventDefault();
              setActive(
                (active + (event.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length,
              );
            } else if (
              suggestions.length > 0 &&
              (event.key === "Tab" || (event.key === "Enter" && !event.ctrlKey))
            ) {
              event.preventDefault();
              const chosen = suggestions[active];
              if (chosen) accept(chosen.name);
            } else if (event.key === "Enter" && event.ctrlKey && !problem && text.trim()) {
              event.preventDefault();
              onSubmit(text.trim());
            }
          }}
        />
      </div>
      {suggestions.length > 0 && (
        <ul className="suggestions" aria-label={t("designer.expression.functions")}>
          {suggestions.map((info, index) => (
            <li key={info.name} className={index === active ? "active" : undefined}>
              <button
                type="button"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => accept(info.name)}
              >
                <code>{info.name}</code>
                <span className="muted">{info.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {signature && (
        <div className="signature-help" data-testid="signature-help">
          <code>{signature.info.signature}</code>
          <span className="muted">
            {t("designer.expression.signature", {
              description: signature.info.description,
              arity: arityText(signature.info),
              argument: signature.argument + 1,
            })}
          </span>
        </div>
      )}
      {problem ? (
        <div
          className="expression-problem"
          id="expression-problem"
          role="alert"
          data-testid="expression-problem"
        >
          <ProblemPlace text={text} position={problem.position} />
          {problem.message}
        </div>
      ) : notices.length > 0 ? (
        <ul className="expression-notices" id="expression-problem" data-testid="expression-notices">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : (
        <div id="expression-problem" className="visually-hidden">
          {t("designer.expression.valid")}
        </div>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button primary"
          disabled={!!problem || !text.trim()}
          onClick={() => onSubmit(text.trim())}
        >
          {t("designer.expression.add")}
        </button>
      </div>
    </div>
  );
}

/**
 * The text around the error with the place marked: the textarea wraps long expressions, so a caret
 * drawn under a copy of the text would point at the wrong character.
 */
function ProblemPlace({ text, position }: { text: string; position: number }) {
  const flat = text.replace(/\s+/g, " ");
  const at = text.slice(0, position).replace(/\s+/g, " ").length;
  const from = Math.max(0, at - 28);
  return (
    <code className="expression-place" aria-hidden="true">
      {from > 0 ? "…" : ""}
      {flat.slice(from, at)}
      <mark>{flat.charAt(at) || " "}</mark>
      {flat.slice(at + 1, at + 13)}
      {at + 13 < flat.length ? "…" : ""}
    </code>
  );
}
