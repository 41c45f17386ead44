import { Zap } from "lucide-react";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef } from "react";
import { t } from "../../i18n";
import { type ContentLabels, chipLabel } from "./chips";
import { fromSegments, type Segment, toSegments } from "./segments";

export interface TokenInputHandle {
  /** Inserts a token at the caret (or at the end when the field never had focus). */
  insertToken(expression: string): void;
  focus(): void;
}

interface Props {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  labels: ContentLabels;
  multiline?: boolean;
  placeholder?: string;
  invalid?: boolean;
  ariaLabel?: string;
  ariaDescribedBy?: string;
  readOnly?: boolean;
  /** Opens the dynamic content picker for this field. */
  onOpenPicker?: (anchor: DOMRect, field: TokenInputHandle) => void;
}

/**
 * A text field where dynamic content shows as chips, never as raw @{…}. The value is written back
 * on each change (the caller groups keystrokes into one undoable edit).
 */
export const TokenInput = forwardRef<TokenInputHandle, Props>(function TokenInput(props, ref) {
  const { value, onChange, labels, multiline, placeholder, invalid, readOnly, onOpenPicker } = props;
  const editor = useRef<HTMLDivElement>(null);
  const lastRange = useRef<Range | null>(null);
  const written = useRef<string>(value);

  const render = useCallback(
    (text: string) => {
      const element = editor.current;
      if (!element) return;
      element.replaceChildren(...toSegments(text).map((segment) => segmentNode(segment, labels)));
      written.current = text;
    },
    [labels],
  );

  // Outside changes (undo, another field, a reload) redraw the field; our own typing does not, and
  // new chip labels wait until the person leaves the field (redrawing would move the caret).
  useEffect(() => {
    if (value !== written.current || editor.current?.childNodes.length === 0) {
      render(value);
      // Undone while typing: the caret was in nodes just replaced; it goes to the end of the text.
      const element = editor.current;
      if (element && document.activeElement === element) {
        const end = document.createRange();
        end.selectNodeContents(element);
        end.collapse(false);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(end);
      }
    }
  }, [value, render]);
  useEffect(() => {
    if (document.activeElement !== editor.current) render(written.current);
  }, [render]);

  const emit = () => {
    const element = editor.current;
    if (!element) return;
    let next = fromSegments(readSegments(element));
    // A field emptied by the person keeps a <br> the browser leaves behind, read as a line break:
    // empty is empty, and a one-line field does not end in one.
    if (/^\n+$/.test(next)) next = "";
    else if (!multiline) next = next.replace(/\n$/, "");
    written.current = next;
    if (next !== value) onChange(next);
  };

  const rememberCaret = () => {
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && editor.current?.contains(selection.anchorNode)) {
      lastRange.current = selection.getRangeAt(0).cloneRange();
    }
  };

  const handle: TokenInputHandle = {
    insertToken(expression) {
      const element = editor.current;
      if (!element) return;
      const chip = segmentNode({ kind: "token", expression }, labels);
      const range =
        lastRange.current && element.contains(lastRange.current.startContainer) ? lastRange.current : null;
      if (range) {
        range.deleteContents();
        range.insertNode(chip);
      } else element.append(chip);
      emit();
      // The caret goes back into the field, right after the token: typing goes on from there.
      element.focus();
      const after = document.createRange();
      after.setStartAfter(chip);
      after.collapse(true);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(after);
      lastRange.current = after.cloneRange();
    },
    focus() {
      const element = editor.current;
      if (!element) return;
      element.focus();
      // Back where the caret was when the field was left (the picker's button took the focus).
      const range = lastRange.current;
      if (range && element.contains(range.startContainer)) {
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    },
  };
  useImperativeHandle(ref, () => handle);

  return (
    <div
      className={`token-input${invalid ? " invalid" : ""}${multiline ? " multiline" : ""}${readOnly ? " readonly" : ""}`}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: tokens are elements inside the text, which an <input> cannot hold */}
      <div
        ref={editor}
        id={props.id}
        className="token-editor"
        contentEditable={!readOnly}
        suppressContentEditableWarning
        role="textbox"
        tabIndex={0}
        aria-multiline={multiline ? true : undefined}
        aria-label={props.ariaLabel}
        aria-describedby={props.ariaDescribedBy}
        aria-invalid={invalid ? true : undefined}
        aria-readonly={readOnly ? true : undefined}
        data-placeholder={placeholder}
        data-testid="token-input"
        onInput={emit}
        onKeyUp={rememberCaret}
        onMouseUp={rememberCaret}
        onBlur={() => {
          // Leaving the field redraws it (new chip labels), which replaces the nodes the caret was
          // in: the caret is kept as a place in the text and found again in the new nodes, so a
          // token chosen from the picker goes where the person left the caret.
          rememberCaret();
          const element = editor.current;
          const at = lastRange.current && element ? caretUnits(element, lastRange.current) : undefined;
          render(written.current);
          if (element && at !== undefined) lastRange.current = rangeAtUnits(element, at);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !multiline) event.preventDefault();
        }}
        onPaste={(event) => {
          // Paste plain text only: no foreign markup inside the field.
          event.preventDefault();
          const text = event.clipboardData.getData("text/plain");
          document.execCommand("insertText", false, multiline ? text : text.replace(/\r?\n/g, " "));
        }}
      />
      {onOpenPicker && !readOnly && (
        <button
          type="button"
          className="token-picker-button"
          aria-label={t("designer.content.insert")}
          title={t("designer.content.insert")}
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            rememberCaret();
            onOpenPicker(event.currentTarget.getBoundingClientRect(), handle);
          }}
        >
          <Zap size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  );
});

function segmentNode(segment: Segment, labels: ContentLabels): Node {
  if (segment.kind === "text") return document.createTextNode(segment.text);
  const chip = document.createElement("span");
  chip.className = "token-chip";
  chip.contentEditable = "false";
  chip.dataset.expression = segment.expression;
  const label = chipLabel(segment.expression, labels);
  const named = label.source
    ? t("designer.content.chipSource", { source: label.source, title: label.title })
    : label.title;
  chip.title = `${named}\n${segment.expression}`;
  if (label.kind === "expression") chip.classList.add("expression-chip");
  const text = document.createElement("span");
  text.textContent = label.title;
  chip.append(text);
  return chip;
}

/** Where a caret is, in units of the field's text: a character each, a chip one. */
function caretUnits(root: HTMLElement, caret: Range): number | undefined {
  if (!root.contains(caret.startContainer)) return undefined;
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(caret.startContainer, caret.startOffset);
  let units = 0;
  for (const segment of readSegments(before.cloneContents()))
    units += segment.kind === "text" ? segment.text.length : 1;
  return units;
}

/** A collapsed range that many units into a field as render() draws it (text nodes and chips). */
function rangeAtUnits(root: HTMLElement, units: number): Range {
  const range = document.createRange();
  let left = units;
  for (const node of root.childNodes) {
    const length = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? "").length : 1;
    if (left <= length) {
      if (node.nodeType === Node.TEXT_NODE) range.setStart(node, left);
      else if (left === 0) range.setStartBefore(node);
      else range.setStartAfter(node);
      range.collapse(true);
      return range;
    }
    left -= length;
  }
  range.setStart(root, root.childNodes.length);
  range.collapse(true);
  return range;
}

/** Reads the editor's DOM back into segments: text nodes, chips, and line breaks. */
function readSegments(root: ParentNode): Segment[] {
  const out: Segment[] = [];
  const walk = (node: Node, first: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push({ kind: "text", text: node.textContent ?? "" });
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    if (node.dataset.expression !== undefined) {
      out.push({ kind: "token", expression: node.dataset.expression });
      return;
    }
    if (node.tagName === "BR") {
      out.push({ kind: "text", text: "\n" });
      return;
    }
    // Chrome wraps new lines of a contentEditable in <div>s.
    if (node.tagName === "DIV" && !first) out.push({ kind: "text", text: "\n" });
    let index = 0;
    for (const child of node.childNodes) walk(child, index++ === 0);
  };
  let index = 0;
  for (const child of root.childNodes) walk(child, index++ === 0);
  return out;
}
