import { ExternalLink } from "lucide-react";
import { useId, useMemo, useState } from "react";
import type { SandboxTeamsMessage } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { toast } from "../../ui/toasts";
import { resolveLink } from "../content/links";
import { Markdown } from "../content/Markdown";
import { errorText } from "../parts/errors";
import { usePersonName } from "../sandbox-store";
import {
  type CardAction,
  type CardElement,
  type CardInput,
  initialValues,
  missingRequired,
  parseCard,
  submission,
  toggleChoice,
} from "./adaptive-card";

/**
 * An adaptive card in a Teams message, as a simple form. A card a flow waits on can be answered
 * as the person acted as; an answered card shows who answered and with which button.
 */
export function AdaptiveCardView({
  message,
  me,
  onAnswered,
}: {
  message: SandboxTeamsMessage;
  me: string;
  onAnswered: () => void;
}) {
  const nameOf = usePersonName();
  const card = useMemo(() => parseCard(message.card), [message.card]);
  const [values, setValues] = useState<Record<string, string>>(() => (card ? initialValues(card) : {}));
  const [error, setError] = useState<string>();
  // Required inputs left empty: each says so under itself.
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const domPrefix = useId();
  if (!card) return <p className="muted">{t("sandbox.teams.unknownCard")}</p>;
  const domIdOf = (inputId: string) => `${domPrefix}-input-${inputId}`;

  const waiting = message.cardState === "waiting";
  const response = answerOf(message.response);
  // An answered card shows what was sent, whoever sent it.
  const shown = response ? { ...values, ...response.values } : values;
  const set = (id: string, value: string) => {
    setValues({ ...values, [id]: value });
    setError(undefined);
    // Editing a field clears its own message only.
    if (fieldErrors[id] !== undefined) {
      const { [id]: _edited, ...others } = fieldErrors;
      setFieldErrors(others);
    }
  };
  const press = async (action: Extract<CardAction, { kind: "submit" }>) => {
    const missing = missingRequired(card, values);
    setFieldErrors(
      Object.fromEntries(
        // The author's own words where the card has them.
        missing.map((m) => [
          m.id,
          m.errorMessage || t("sandbox.teams.card.requiredField", { field: m.name }),
        ]),
      ),
    );
    if (missing.length > 0) {
      setError(undefined);
      // The keyboard goes to the first field to fill in.
      const first = document.getElementById(domIdOf(missing[0]?.id ?? ""));
      (first?.matches("fieldset") ? first.querySelector<HTMLElement>("input") : first)?.focus();
      return;
    }
    setBusy(true);
    try {
      const { actionId, data } = submission(action, values);
      await api.call("sandbox.teams.respondToCard", { messageId: message.id, responder: me, actionId, data });
      toast.success(t("sandbox.teams.card.sent", { action: action.title }));
      onAnswered();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };

  const renderActions = (actions: readonly CardAction[], key: string) => (
    <div key={key} className="sbx-card-actions">
      {actions.map((action) =>
        action.kind === "openUrl" ? (
          <OpenUrl key={`${action.title}/${action.url}`} action={action} />
        ) : (
          <button
            key={`${action.title}/${action.id ?? ""}`}
            type="button"
            className="button"
            disabled={!waiting || busy}
            title={waiting ? undefined : t("sandbox.teams.card.notWaiting")}
            onClick={() => void press(action)}
          >
            {action.title}
          </button>
        ),
      )}
    </div>
  );

  return (
    <div className="sbx-adaptive" data-testid="adaptive-card" data-state={message.cardState}>
      {card.elements.map((element, index) =>
        element.kind === "actions" ? (
          renderActions(element.actions, `a${index}`)
        ) : (
          <Element
            // biome-ignore lint/suspicious/noArrayIndexKey: a card's elements have no ids but their place
            key={index}
            element={element}
            values={shown}
            errors={fieldErrors}
            domIdOf={domIdOf}
            disabled={!waiting || busy}
            onChange={set}
          />
        ),
      )}
      {card.actions.length > 0 && renderActions(card.actions, "card")}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {waiting && (
        <p className="muted sbx-card-note">{t("sandbox.teams.card.waiting", { name: nameOf(me) })}</p>
      )}
      {response && (
        <p className="sbx-card-note" data-testid="card-answer">
          {t("sandbox.teams.card.answered", {
            name: response.name,
            action: response.action,
            when: response.when ? formatDateTime(response.when) : "",
          })}
        </p>
      )}
      {typeof message.updateMessage === "string" &&
        message.updateMessage &&
        message.cardState === "answered" && <p className="muted sbx-card-note">{message.updateMessage}</p>}
    </div>
  );
}

function OpenUrl({ action }: { action: Extract<CardAction, { kind: "openUrl" }> }) {
  const link = resolveLink(action.url);
  if (!link) return null;
  return (
    <a
      className="button"
      href={link.href}
      {...(link.kind === "external" ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {action.title}
      {link.kind === "external" && <ExternalLink size={12} aria-hidden="true" />}
    </a>
  );
}

function answerOf(
  raw: unknown,
): { name: string; action: string; when: string; values: Record<string, string> } | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const response = raw as {
    responder?: { displayName?: unknown };
    submitActionId?: unknown;
    responseTime?: unknown;
    data?: unknown;
  };
  const data = typeof response.data === "object" && response.data !== null ? response.data : {};
  return {
    name: typeof response.responder?.displayName === "string" ? response.responder.displayName : "",
    action: typeof response.submitActionId === "string" ? response.submitActionId : "",
    when: typeof response.responseTime === "string" ? response.responseTime : "",
    values: Object.fromEntries(
      Object.entries(data).flatMap(([key, value]) =>
        typeof value === "string" || typeof value === "number" || typeof value === "boolean"
          ? [[key, String(value)]]
          : [],
      ),
    ),
  };
}

function Element({
  element,
  values,
  errors,
  domIdOf,
  disabled,
  onChange,
}: {
  element: Exclude<CardElement, { kind: "actions" }>;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  domIdOf: (inputId: string) => string;
  disabled: boolean;
  onChange: (id: string, value: string) => void;
}) {
  switch (element.kind) {
    case "text":
      return (
        <Markdown
          text={element.text}
          className={[
            "sbx-card-text",
            `size-${element.size}`,
            element.weight === "bolder" ? "bolder" : "",
            element.subtle ? "muted" : "",
          ].join(" ")}
        />
      );
    case "facts":
      return (
        <dl className="facts sbx-card-facts">
          {element.facts.map((fact) => (
            <div key={`${fact.title}/${fact.value}`} className="sbx-fact">
              <dt>{fact.title}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "image":
      return <p className="muted sbx-card-image">[{element.alt}]</p>;
    case "input":
      return (
        <CardField
          input={element.input}
          id={domIdOf(element.input.id)}
          value={values[element.input.id] ?? ""}
          error={errors[element.input.id]}
          disabled={disabled}
          onChange={(v) => onChange(element.input.id, v)}
        />
      );
  }
}

function CardField({
  input,
  id,
  value,
  error,
  disabled,
  onChange,
}: {
  input: CardInput;
  /** The control's DOM id (a choice set's: its fieldset's). */
  id: string;
  value: string;
  /** Why it cannot be sent as it is: shown under it, and what it is described by. */
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  const invalid = error !== undefined ? { "aria-invalid": true, "aria-describedby": errorId } : {};
  const problem = error !== undefined && (
    <span className="field-problem error" id={errorId} data-testid="card-field-error">
      {error}
    </span>
  );
  const mark = input.required && <span aria-hidden="true"> *</span>;
  // The label the author wrote; a required input without one still shows its mark, over the field.
  const label = input.label ? (
    <label htmlFor={id} className="sbx-field-label">
      {input.label}
      {mark}
    </label>
  ) : (
    input.required && (
      <span className="sbx-field-label" aria-hidden="true">
        {t("common.requiredField")}
        {mark}
      </span>
    )
  );
  switch (input.type) {
    case "text":
      return (
        <div className="sbx-field">
          {label}
          {input.multiline ? (
            <textarea
              id={id}
              className="input sbx-textarea"
              rows={3}
              placeholder={input.placeholder}
              value={value}
              disabled={disabled}
              aria-label={input.label ? undefined : input.placeholder || input.id}
              aria-required={input.required || undefined}
              {...invalid}
              onChange={(event) => onChange(event.target.value)}
            />
          ) : (
            <input
              id={id}
              className="input"
              type={input.inputType}
              placeholder={input.placeholder}
              value={value}
              disabled={disabled}
              aria-label={input.label ? undefined : input.placeholder || input.id}
              aria-required={input.required || undefined}
              {...invalid}
              onChange={(event) => onChange(event.target.value)}
            />
          )}
          {problem}
        </div>
      );
    case "toggle":
      return (
        <label className="sbx-field sbx-field-check">
          <input
            type="checkbox"
            checked={value === input.valueOn}
            disabled={disabled}
            onChange={(event) => onChange(event.target.checked ? input.valueOn : input.valueOff)}
          />
          <span>{input.title || input.label}</span>
        </label>
      );
    case "choice":
      if (input.expanded || input.multiSelect) {
        return (
          <fieldset
            id={id}
            className="sbx-field sbx-choices"
            disabled={disabled}
            aria-describedby={error !== undefined ? errorId : undefined}
          >
            <legend className="sbx-field-label">
              {input.label || input.placeholder}
              {mark}
            </legend>
            {input.choices.map((choice) => (
              <label key={choice.value} className="sbx-field-check">
                <input
                  type={input.multiSelect ? "checkbox" : "radio"}
                  name={id}
                  value={choice.value}
                  aria-invalid={error !== undefined || undefined}
                  checked={
                    input.multiSelect ? value.split(",").includes(choice.value) : value === choice.value
                  }
                  onChange={(event) =>
                    onChange(
                      input.multiSelect
                        ? toggleChoice(value, choice.value, event.target.checked)
                        : choice.value,
                    )
                  }
                />
                <span>{choice.title}</span>
              </label>
            ))}
            {problem}
          </fieldset>
        );
      }
      return (
        <div className="sbx-field">
          {label}
          <select
            id={id}
            className="input"
            value={value}
            disabled={disabled}
            aria-label={input.label ? undefined : input.placeholder || input.id}
            aria-required={input.required || undefined}
            {...invalid}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">{input.placeholder || "—"}</option>
            {input.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.title}
              </option>
            ))}
          </select>
          {problem}
        </div>
      );
  }
}
