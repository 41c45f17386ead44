import { useEffect, useMemo, useState } from "react";
import type { MethodOutput, RunSource, RunSummary } from "../../../shared/api";
import { operationOfAction, performableInSandbox, runFlowFields } from "../../../shared/connectors";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { formatDuration, StatusBadge } from "../../runs/format";
import { RunFlowFormFields } from "../../runs/RunFlowFormField";
import { useRunFlowForm } from "../../runs/use-run-flow-form";
import { Dialog } from "../../ui/Dialog";
import { describeError } from "../../ui/errors";
import { FormActions } from "../../ui/FormActions";
import { useDesigner } from "../state/context";
import { type PickedRecord, RecordPicker } from "./RecordPicker";

export type TestChoice =
  | { kind: "perform" }
  | { kind: "outputs"; triggerOutputs: JsonObject }
  /** What the trigger produced in an earlier run: read by the backend, so secured outputs work too. */
  | { kind: "fromRun"; runId: string };

type Mode = "perform" | "record" | "previous" | "typed" | "form" | "now";

/** How to start a test: perform the trigger's event in the sandbox, reuse an earlier run's data, or type it. */
export function TestDialog({
  source,
  onClose,
  onTest,
}: {
  /** What is tested: the draft, or a published version (its trigger is the one read here). */
  source: RunSource;
  onClose: () => void;
  onTest: (choice: TestChoice) => Promise<void>;
}) {
  const flowId = useDesigner((s) => s.flowId);
  const definition = useDesigner((s) => s.definition);
  const [triggerName, trigger] = Object.entries(definition.triggers ?? {})[0] ?? [];
  const operation = trigger ? operationOfAction(trigger as unknown as JsonValue) : undefined;
  const fromSandbox = performableInSandbox(operation);
  const isForm = operation?.wdlType === "Request";
  const reportsOnRecords = fromSandbox || operation?.connectorId === "shared_dynamicssmbsaas";
  const fields = useMemo(
    () => (isForm ? runFlowFields((trigger as { inputs?: JsonObject })?.inputs?.schema) : []),
    [isForm, trigger],
  );
  const [mode, setMode] = useState<Mode>(
    fromSandbox ? "perform" : isForm ? "form" : operation?.wdlType === "Recurrence" ? "now" : "typed",
  );
  const [runs, setRuns] = useState<RunSummary[]>();
  const [chosenRun, setChosenRun] = useState<string>();
  const [typed, setTyped] = useState("");
  const [typedHelp, setTypedHelp] = useState<string>();
  // Undefined while loading; null when the trigger reports on no sandbox record.
  const [records, setRecords] = useState<MethodOutput<"runs.triggerRecords"> | null>();
  const [picked, setPicked] = useState<PickedRecord>();
  const form = useRunFlowForm(fields);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.call("runs.list", { flowId, limit: 10 }).then(
      (page) => setRuns(page.runs),
      () => setRuns([]),
    );
    // Only Business Central's and the sandbox mail's triggers report on a record to pick from.
    if (!reportsOnRecords) setRecords(null);
    else
      api.call("runs.triggerRecords", { flowId, source }).then(
        (list) => {
          setRecords(list);
          // A flow run on a selected record is tested on one.
          if (list.kind === "selected-record")
            setMode((current) => (current === "form" ? "record" : current));
        },
        () => setRecords(null),
      );
    api.call("runs.triggerSample", { flowId, source }).then(
      (sample) => {
        setTyped((current) => current || JSON.stringify(sample.outputs, null, 2));
        setTypedHelp(sample.description);
      },
      () => setTyped((current) => current || '{\n  "body": {}\n}'),
    );
  }, [flowId, source, reportsOnRecords]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    let choice: TestChoice | undefined;
    try {
      choice = await choose();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      return;
    }
    // The Run flow form's problems are marked on its fields, summed up at its end.
    if (!choice) return;
    setBusy(true);
    try {
      await onTest(choice);
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  };

  const choose = async (): Promise<TestChoice | undefined> => {
    switch (mode) {
      case "perform":
        return { kind: "perform" };
      case "now":
        return { kind: "outputs", triggerOutputs: { headers: {}, body: {} } };
      case "form": {
        const inputs = form.check();
        return inputs && { kind: "outputs", triggerOutputs: { headers: {}, body: inputs } };
      }
      case "record": {
        if (!picked) throw new Error(t("test.record.choose"));
        if ("error" in picked) throw new Error(picked.error);
        if ("loading" in picked) throw new Error(t("test.record.loading"));
        const outputs = parseTriggerOutputs(picked.outputs);
        if (!recordWithForm) return { kind: "outputs", triggerOutputs: outputs };
        const inputs = form.check();
        if (!inputs) return undefined;
        const { body, ...rest } = isJsonObject(outputs) ? outputs : {};
        return {
          kind: "outputs",
          triggerOutputs: { ...rest, body: { ...(isJsonObject(body) ? body : {}), ...inputs } },
        };
      }
      case "previous": {
        if (!chosenRun) throw new Error(t("designer.test.chooseRun"));
        return { kind: "fromRun", runId: chosenRun };
      }
      case "typed":
        return { kind: "outputs", triggerOutputs: parseTriggerOutputs(typed) };
    }
  };

  const formFields = (
    <div className="form">
      <RunFlowFormFields form={form} />
      {fields.length === 0 && <p className="muted">{t("designer.test.formEmpty")}</p>}
    </div>
  );
  // "For a selected record" runs on a record and the form's answers: both are asked for.
  const recordWithForm = records?.kind === "selected-record" && fields.length > 0;
  const formShown = mode === "form" || (mode === "record" && recordWithForm);

  const option = (value: Mode, label: string, available = true) =>
    available && (
      <label className={mode === value ? "test-option selected" : "test-option"}>
        <input type="radio" name="test-mode" checked={mode === value} onChange={() => setMode(value)} />
        {label}
      </label>
    );

  return (
    <Dialog title={t("test.title")} onClose={onClose} size="wide">
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">
          {"draft" in source ? t("test.intro") : t("test.introVersion", { version: source.version })}
        </p>
        <fieldset className="test-options">
          <legend className="visually-hidden">{t("test.title")}</legend>
          {option("perform", t("test.perform"), fromSandbox)}
          {option("record", t("test.record"), !!records)}
          {option("form", t("test.form"), isForm)}
          {option("now", t("test.now"), operation?.wdlType === "Recurrence")}
          {option("previous", t("test.previous"))}
          {option("typed", t("test.typed"))}
        </fieldset>
        {mode === "perform" && <p className="field-help">{t("test.performHint")}</p>}
        {mode === "record" && records && (
          <>
            <RecordPicker
              flowId={flowId}
              source={source}
              first={records}
              picked={picked?.key}
              onPick={(next) => {
                // A slower answer for an earlier pick does not replace the latest one.
                setPicked((current) => ("loading" in next || current?.key === next.key ? next : current));
                setError(undefined);
              }}
            />
            {picked && "error" in picked && (
              <p className="form-error" role="alert">
                {picked.error}
              </p>
            )}
            {picked && "outputs" in picked && (
              <label className="field">
                <span className="field-label">{t("test.record.outputs")}</span>
                <span className="field-help">{picked.description}</span>
                <textarea
                  className="input json-field"
                  rows={6}
                  spellCheck={false}
                  value={picked.outputs}
                  onChange={(e) => setPicked({ ...picked, outputs: e.target.value })}
                />
              </label>
            )}
            {recordWithForm && formFields}
          </>
        )}
        {mode === "form" && formFields}
        {mode === "previous" && (
          <div className="previous-runs">
            {runs === undefined ? (
              <p className="muted">{t("common.loading")}</p>
            ) : runs.length === 0 ? (
              <p className="muted">{t("test.previousNone")}</p>
            ) : (
              runs.map((run) => (
                <label
                  key={run.id}
                  className={chosenRun === run.id ? "previous-run selected" : "previous-run"}
                >
                  <input
                    type="radio"
                    name="previous-run"
                    checked={chosenRun === run.id}
                    onChange={() => setChosenRun(run.id)}
                  />
                  <StatusBadge status={run.status} />
                  <span>{formatDateTime(run.startedAt)}</span>
                  <span className="muted">{formatDuration(run.durationMs)}</span>
                </label>
              ))
            )}
          </div>
        )}
        {mode === "typed" && (
          <label className="field">
            <span className="field-label">
              {triggerName
                ? t("designer.test.outputsOf", { trigger: triggerName.replaceAll("_", " ") })
                : t("designer.test.outputs")}
            </span>
            {typedHelp && (
              <span className="field-help">
                {typedHelp}
                {records ? ` ${t("test.typedRecordHint")}` : ""}
              </span>
            )}
            <textarea
              className="input json-field"
              rows={12}
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
        )}
        <FormActions
          error={(formShown && form.summary) || error}
          submitLabel={t("test.run")}
          // While the picked record's trigger data is read, Run test waits for it (a click then
          // was refused with "still being read", a message that stayed once it was read).
          busy={busy || (mode === "record" && picked !== undefined && "loading" in picked)}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

/** Trigger outputs typed (or edited) as JSON: an object ({ body, headers }), or an error saying why not. */
function parseTriggerOutputs(text: string): JsonObject {
  let outputs: JsonValue;
  try {
    outputs = JSON.parse(text) as JsonValue;
  } catch (cause) {
    throw new Error(t("test.invalidJson", { message: (cause as Error).message }));
  }
  // A bare 42 or a list would give the flow nothing to read as trigger() or triggerBody().
  if (!isJsonObject(outputs)) throw new Error(t("test.typedNotObject"));
  return outputs;
}
