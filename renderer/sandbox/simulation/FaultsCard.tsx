import { Plus, X, Zap } from "lucide-react";
import { useId, useState } from "react";
import { api } from "../../api/client";
import { useApiEvent } from "../../api/hooks";
import { t } from "../../i18n";
import { toast } from "../../ui/toasts";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { useLoad } from "../use-sandbox-data";
import {
  EMPTY_FAULT_FORM,
  FAULT_FIELDS,
  type FaultErrors,
  type FaultField,
  type FaultForm,
  faultConnectors,
  faultEffect,
  faultInput,
  faultOperations,
  faultRemaining,
  faultTarget,
} from "./fault-model";

/** Fault injection: make a connector (or one operation) fail or answer slowly for its next calls. */
export function FaultsCard() {
  const list = useLoad("faults", () => api.call("sandbox.faults.list", {}));
  // Faults count down as flow steps call the sandbox.
  useApiEvent("runs.step", list.reload);
  const [form, setForm] = useState<FaultForm>(EMPTY_FAULT_FORM);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FaultErrors>({});
  const [busy, setBusy] = useState(false);
  const ids = {
    connector: useId(),
    operation: useId(),
    status: useId(),
    count: useId(),
    retry: useId(),
    delay: useId(),
  };
  const fieldIds: Record<FaultField, string> = {
    connectorId: ids.connector,
    retryAfterSeconds: ids.retry,
    delayMs: ids.delay,
    count: ids.count,
  };
  // A wrong field says so under itself, and is marked for screen readers.
  const problemOf = (field: FaultField) => {
    const key = fieldErrors[field];
    return {
      attributes: key
        ? { "aria-invalid": true, "aria-describedby": `${fieldIds[field]}-problem` }
        : { "aria-invalid": undefined },
      message: key ? (
        <span className="field-problem error" id={`${fieldIds[field]}-problem`}>
          {t(key)}
        </span>
      ) : null,
    };
  };
  const connectors = faultConnectors();
  const operations = form.connectorId ? faultOperations(form.connectorId) : [];
  const edit = (patch: Partial<FaultForm>) => {
    setForm({ ...form, ...patch });
    setError(undefined);
    // The fields edited (and the ones a new mode hides) are judged again on the next Add.
    const kept = { ...fieldErrors };
    for (const field of Object.keys(patch)) delete kept[field as FaultField];
    if (patch.mode || patch.statusCode) {
      delete kept.delayMs;
      delete kept.retryAfterSeconds;
    }
    setFieldErrors(kept);
  };

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const checked = faultInput(form);
    if ("errors" in checked) {
      setFieldErrors(checked.errors);
      // The keyboard goes to the first wrong field, as the form shows them.
      const first = FAULT_FIELDS.find((field) => checked.errors[field]);
      if (first) document.getElementById(fieldIds[first])?.focus();
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await api.call("sandbox.faults.set", checked.input);
      toast.success(t("sandbox.faults.added"));
      list.reload();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };
  const clear = async (id?: string) => {
    try {
      await api.call("sandbox.faults.clear", id ? { id } : {});
      list.reload();
    } catch (cause) {
      toast.error(errorText(cause));
    }
  };

  return (
    <section className="sbx-panel" aria-labelledby="sbx-faults-title">
      <h3 id="sbx-faults-title">{t("sandbox.faults.title")}</h3>
      <p className="muted">{t("sandbox.faults.body")}</p>
      {/* What is active first: it is what the person checks when a flow misbehaves. */}
      <div className="sbx-faults-head">
        <h4>{t("sandbox.faults.active")}</h4>
        {list.data && list.data.length > 0 && (
          <button type="button" className="link-button" onClick={() => void clear()}>
            {t("sandbox.faults.clearAll")}
          </button>
        )}
      </div>
      {list.error !== undefined && !list.data ? (
        <ErrorBanner error={list.error} onRetry={list.reload} />
      ) : list.data && list.data.length === 0 ? (
        <p className="muted sbx-empty-line">{t("sandbox.faults.none")}</p>
      ) : (
        <ul className="sbx-rows" data-testid="fault-list">
          {(list.data ?? []).map((fault) => {
            const remaining = faultRemaining(fault);
            return (
              <li key={fault.id} className="sbx-row-item" data-testid="fault">
                <Zap size={16} aria-hidden="true" className="sbx-fault-icon" />
                <div className="sbx-row-text">
                  <strong>{faultTarget(fault)}</strong>
                  <span className="muted">
                    {faultEffect(fault)} ·{" "}
                    {remaining === null
                      ? t("sandbox.faults.untilCleared")
                      : t("sandbox.faults.remaining", { count: remaining })}
                  </span>
                </div>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t("sandbox.faults.clear", { target: faultTarget(fault) })}
                  onClick={() => void clear(fault.id)}
                >
                  <X size={16} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h4 className="sbx-faults-new">{t("sandbox.faults.formLabel")}</h4>
      <form className="sbx-fault-form" onSubmit={add} noValidate aria-label={t("sandbox.faults.formLabel")}>
        <div className="sbx-fault-target">
          <div className="sbx-field">
            <label htmlFor={ids.connector} className="sbx-field-label">
              {t("sandbox.faults.connector")}
            </label>
            <select
              id={ids.connector}
              className="input"
              value={form.connectorId}
              onChange={(event) => edit({ connectorId: event.target.value, operationId: "" })}
              {...problemOf("connectorId").attributes}
            >
              <option value="">{t("sandbox.faults.chooseConnector")}</option>
              {connectors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            {problemOf("connectorId").message}
          </div>
          <div className="sbx-field">
            <label htmlFor={ids.operation} className="sbx-field-label">
              {t("sandbox.faults.operation")}
            </label>
            <select
              id={ids.operation}
              className="input"
              value={form.operationId}
              disabled={!form.connectorId}
              onChange={(event) => edit({ operationId: event.target.value })}
            >
              <option value="">{t("sandbox.faults.anyOperationOption")}</option>
              {operations.map((op) => (
                <option key={op.id} value={op.id}>
                  {op.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="sbx-field sbx-mode">
          <legend className="sbx-field-label">{t("sandbox.faults.mode")}</legend>
          <label className="sbx-field-check">
            <input
              type="radio"
              name="fault-mode"
              checked={form.mode === "fail"}
              onChange={() => edit({ mode: "fail" })}
            />
            <span>{t("sandbox.faults.mode.fail")}</span>
          </label>
          <label className="sbx-field-check">
            <input
              type="radio"
              name="fault-mode"
              checked={form.mode === "slow"}
              onChange={() => edit({ mode: "slow" })}
            />
            <span>{t("sandbox.faults.mode.slow")}</span>
          </label>
        </fieldset>
        <div className="sbx-fault-numbers">
          {form.mode === "fail" ? (
            <>
              <div className="sbx-field">
                <label htmlFor={ids.status} className="sbx-field-label">
                  {t("sandbox.faults.status")}
                </label>
                <select
                  id={ids.status}
                  className="input"
                  value={form.statusCode}
                  onChange={(event) => edit({ statusCode: event.target.value === "500" ? "500" : "429" })}
                >
                  <option value="429">{t("sandbox.faults.status429")}</option>
                  <option value="500">{t("sandbox.faults.status500")}</option>
                </select>
              </div>
              {form.statusCode === "429" && (
                <div className="sbx-field">
                  <label htmlFor={ids.retry} className="sbx-field-label">
                    {t("sandbox.faults.retryAfter")}
                  </label>
                  <input
                    id={ids.retry}
                    className="input"
                    inputMode="numeric"
                    placeholder="1"
                    value={form.retryAfterSeconds}
                    onChange={(event) => edit({ retryAfterSeconds: event.target.value })}
                    {...problemOf("retryAfterSeconds").attributes}
                  />
                  {problemOf("retryAfterSeconds").message}
                </div>
              )}
            </>
          ) : (
            <div className="sbx-field">
              <label htmlFor={ids.delay} className="sbx-field-label">
                {t("sandbox.faults.delay")}
              </label>
              <input
                id={ids.delay}
                className="input"
                inputMode="numeric"
                value={form.delayMs}
                onChange={(event) => edit({ delayMs: event.target.value })}
                {...problemOf("delayMs").attributes}
              />
              {problemOf("delayMs").message}
            </div>
          )}
          <div className="sbx-field">
            <label htmlFor={ids.count} className="sbx-field-label">
              {t("sandbox.faults.count")}
            </label>
            <input
              id={ids.count}
              className="input"
              inputMode="numeric"
              value={form.count}
              onChange={(event) => edit({ count: event.target.value })}
              {...problemOf("count").attributes}
            />
            {problemOf("count").message}
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" className="button primary" disabled={busy}>
            <Plus size={16} aria-hidden="true" />
            {t("sandbox.faults.add")}
          </button>
        </div>
      </form>
    </section>
  );
}
