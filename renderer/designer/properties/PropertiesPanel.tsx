import { ChevronDown, ChevronRight, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../../shared/checker";
import {
  allOperations,
  type InputDeclaration,
  inputsOf,
  inputValue,
  instantiate,
  type OperationDeclaration,
  operationOfAction,
  withInputValue,
} from "../../../shared/connectors";
import {
  type ActionNode,
  addSwitchCase,
  concurrencyOf,
  descendantsOf,
  type FlowGraph,
  isActionType,
  isScopeAction,
  removeSwitchCase,
  replaceTrigger,
  securedData,
  setRunAfter,
  setStaticResult,
  setSwitchCaseValue,
  staticResultOf,
  type TriggerNode,
  timeoutUse,
  updateAction,
  updateActionSettings,
  updateTrigger,
  updateTriggerSettings,
  type WdlAction,
  type WdlSwitchCase,
  type WdlTrigger,
} from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { t } from "../../i18n";
import { focusCard } from "../canvas/focus-card";
import { cardInfo, displayName, stepNote } from "../card-info";
import { ContentPicker } from "../expressions/ContentPicker";
import { availableContent, labelsOf } from "../expressions/dynamic-content";
import type { ExpressionScope } from "../expressions/expression-help";
import type { TokenInputHandle } from "../expressions/TokenInput";
import { iconFor } from "../icons";
import { useDesigner, useDesignerStore } from "../state/context";
import { NOTE_FIELD, RENAME_FIELD } from "../state/designer-store";
import { actionNameFromTitle, renameStep } from "../state/edits";
import { graphOf } from "../state/graph-cache";
import { ConcurrencySetting } from "./ConcurrencySetting";
import { type FieldContext, FieldContextValue } from "./field-context";
import { HttpAddress } from "./HttpAddress";
import { type FieldProblem, InputField } from "./InputField";
import { RunAfterEditor } from "./RunAfterEditor";
import { RunFlowFormDesigner } from "./RunFlowFormDesigner";
import { SettingsForm } from "./SettingsForm";
import { SplitOnSetting } from "./SplitOnSetting";
import { StaticResultSetting } from "./StaticResultSetting";
import { StepCode } from "./StepCode";
import { StepNote } from "./StepNote";
import { SwitchCasesEditor } from "./SwitchCasesEditor";
import { sandboxChoicesFor } from "./sandbox-choices";
import { TriggerConditions } from "./TriggerConditions";
import { useSandboxNames } from "./use-sandbox-names";
import { isVisible } from "./visibility";

type Tab = "parameters" | "settings" | "runAfter" | "code";

const asObject = (value: unknown): JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

/** The selected step's form, generated from its catalog declaration. */
export function PropertiesPanel({ findings }: { findings: readonly Finding[] }) {
  const store = useDesignerStore();
  const selected = useDesigner((s) => s.selected);
  const definition = useDesigner((s) => s.definition);
  const focusField = useDesigner((s) => s.focusField);
  const readOnly = useDesigner((s) => s.readOnly);
  const kind = useDesigner((s) => s.kind);
  const flowId = useDesigner((s) => s.flowId);
  const graph = useMemo(() => graphOf(definition), [definition]);
  const node = selected ? graph.byId.get(selected) : undefined;
  const [tab, setTab] = useState<Tab>("parameters");
  const [picker, setPicker] = useState<{ anchor: DOMRect; field: TokenInputHandle }>();
  const labels = useMemo(() => labelsOf(graph), [graph]);
  const openPicker = useCallback(
    (anchor: DOMRect, field: TokenInputHandle) => setPicker({ anchor, field }),
    [],
  );
  const context = useMemo<FieldContext>(
    () => ({ labels, openPicker, readOnly }),
    [labels, openPicker, readOnly],
  );
  const body = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly selected step opens on its parameters
  useEffect(() => setTab("parameters"), [selected]);
  // An Until's timeout is its loop limit, on its parameters; other steps keep theirs in the settings.
  const timeoutTab: Tab =
    node?.kind === "action" && timeoutUse(node.action.type) === "loop" ? "parameters" : "settings";
  // The field to focus once it is on screen: a finding may first switch the tab. Another step with
  // a finding on the same field focuses again.
  const pendingFocus = useRef<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection asks again
  useEffect(() => {
    pendingFocus.current = focusField;
    if (focusField === "runAfter") setTab("runAfter");
    else if (focusField === "limit/timeout") setTab(timeoutTab);
    else if (focusField === "splitOn") setTab("settings");
  }, [focusField, timeoutTab, selected]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: looks again whenever the tab changes
  useEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    if (wanted === NOTE_FIELD) {
      // The note's own field takes the focus (it may first have to unfold).
      pendingFocus.current = undefined;
      return;
    }
    requestAnimationFrame(() => {
      if (wanted === RENAME_FIELD) {
        const title = body.current?.parentElement?.querySelector<HTMLInputElement>(".step-title-input");
        if (!title) return;
        pendingFocus.current = undefined;
        title.focus();
        title.select();
        return;
      }
      const field = body.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(wanted)}"]`);
      if (!field) return;
      pendingFocus.current = undefined;
      field.scrollIntoView({ block: "center" });
      field.querySelector<HTMLElement>("input, select, textarea, [contenteditable=true]")?.focus();
    });
  }, [focusField, tab, selected]);

  if (!node || (node.kind !== "action" && node.kind !== "trigger")) return null;
  const step = (node.kind === "action" ? node.action : node.trigger) as unknown as JsonObject;
  const info = cardInfo(node.name, step);
  const Icon = iconFor(info.icon, info.operation?.operationId);
  const nodeFindings = findings.filter((f) => f.nodeId === node.id);
  const problems = new Map<string, FieldProblem>();
  for (const finding of nodeFindings) {
    if (finding.field && !problems.has(finding.field))
      problems.set(finding.field, { message: finding.message, severity: finding.severity });
  }
  const groups = picker ? availableContent(graph, node.kind === "action" ? node.name : undefined) : [];
  const scope = picker ? expressionScope(graph) : undefined;

  const updateStep = (label: string, change: (step: JsonObject) => JsonObject, coalesce?: string) => {
    const options = coalesce ? { coalesce } : {};
    if (node.kind === "action") {
      store.getState().apply(
        label,
        (d) =>
          updateAction(d, {
            name: node.name,
            update: (a) => change(a as unknown as JsonObject) as unknown as WdlAction,
          }),
        options,
      );
    } else {
      store.getState().apply(
        label,
        (d) =>
          updateTrigger(d, {
            name: node.name,
            update: (trigger) => change(trigger as unknown as JsonObject) as unknown as WdlTrigger,
          }),
        options,
      );
    }
  };

  return (
    <FieldContextValue.Provider value={context}>
      <aside
        className="properties"
        aria-label={t("designer.properties")}
        data-testid="properties-panel"
        onKeyDown={(event) => {
          // Escape from any field closes the panel (the field's edit is kept) and the keys go on
          // from the card; what handles Escape itself (the step name, a picker) says so first.
          if (event.key !== "Escape" || event.defaultPrevented) return;
          event.preventDefault();
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          store.getState().closePanel();
          requestAnimationFrame(() => focusCard(node.id));
        }}
        style={{ "--connector": info.color } as React.CSSProperties}
      >
        <header className="properties-header">
          <div className="card-icon connector-icon">
            <Icon size={18} aria-hidden="true" />
          </div>
          <div className="properties-title">
            {node.kind === "action" ? (
              <StepTitle
                key={node.name}
                name={node.name}
                readOnly={readOnly}
                onRename={(to) => renameStep(store, node.name, to)}
              />
            ) : (
              <h2>{info.title}</h2>
            )}
            <span className="muted">
              {node.kind === "trigger"
                ? t("designer.properties.trigger", { operation: info.subtitle })
                : info.subtitle}
            </span>
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t("designer.properties.close")}
            onClick={() => {
              store.getState().closePanel();
              // The keys go on from the card the panel was about.
              requestAnimationFrame(() => focusCard(node.id));
            }}
          >
            <X size={18} />
          </button>
        </header>
        {info.operation?.description && (
          <p className="properties-description">{info.operation.description}</p>
        )}
        <StepNote
          key={node.id}
          value={stepNote(step)}
          readOnly={readOnly}
          focusRequested={focusField === NOTE_FIELD}
          onChange={(text) =>
            updateStep(
              t("designer.edit.note"),
              (s) => {
                const { description: _old, ...rest } = s;
                return text === "" ? rest : { ...rest, description: text };
              },
              `${node.id}/description`,
            )
          }
        />
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === "parameters"}
            onClick={() => setTab("parameters")}
          >
            {t("designer.properties.parameters")}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === "settings"}
            onClick={() => setTab("settings")}
          >
            {t("designer.properties.settings")}
          </button>
          {node.kind === "action" && (
            <button
              type="button"
              role="tab"
              aria-selected={tab === "runAfter"}
              onClick={() => setTab("runAfter")}
            >
              {t("designer.properties.runAfter")}
            </button>
          )}
          <button type="button" role="tab" aria-selected={tab === "code"} onClick={() => setTab("code")}>
            {t("designer.properties.code")}
          </button>
        </div>
        <div className="properties-body" ref={body}>
          {tab === "parameters" && (
            <>
              {node.kind === "trigger" && <TriggerPicker node={node} kind={kind} readOnly={readOnly} />}
              {node.kind === "trigger" &&
                info.operation?.wdlKind === "Http" &&
                info.operation.kind === "trigger" && <HttpAddress flowId={flowId} />}
              <Parameters
                node={node}
                step={step}
                operation={info.operation}
                graph={graph}
                problems={problems}
                focusField={focusField}
                onChange={(input, value, operation) =>
                  updateStep(
                    t("designer.edit.input", { input: input.title }),
                    (s) => withInputValue(s, operation, input, value),
                    `${node.id}/${input.name}`,
                  )
                }
                onReplaceInputs={(inputs) =>
                  updateStep(t("designer.edit.inputs"), (s) => ({ ...s, inputs }), `${node.id}/inputs`)
                }
              />
            </>
          )}
          {tab === "settings" && node.kind === "action" && (
            <SettingsForm
              retryPolicy={(asObject(asObject(step).inputs).retryPolicy as never) ?? undefined}
              timeout={
                typeof asObject(step.limit).timeout === "string"
                  ? (asObject(step.limit).timeout as string)
                  : undefined
              }
              timeoutUse={timeoutUse(String(step.type ?? ""))}
              timeoutProblem={problems.get("limit/timeout")}
              secureInputs={securedData(step).inputs}
              secureOutputs={securedData(step).outputs}
              supportsRetry={info.operation !== undefined && !info.connector?.builtIn}
              readOnly={readOnly}
              onChange={(settings) =>
                store
                  .getState()
                  .apply(t("designer.edit.settings"), (d) =>
                    updateActionSettings(d, { name: node.name, settings }),
                  )
              }
            />
          )}
          {tab === "settings" && node.kind === "action" && !isScopeAction(node.action) && (
            <StaticResultSetting
              use={staticResultOf(definition, node.action)}
              defaultOutputs={
                info.operation && !info.connector?.builtIn ? { statusCode: 200, headers: {}, body: {} } : {}
              }
              readOnly={readOnly}
              onChange={({ result, enabled }) =>
                store
                  .getState()
                  .apply(t("designer.edit.staticResult"), (d) =>
                    setStaticResult(d, { name: node.name, result, enabled }),
                  )
              }
            />
          )}
          {tab === "settings" && node.kind === "trigger" && (
            <div className="form">
              <TriggerConditions
                conditions={
                  Array.isArray(step.conditions)
                    ? step.conditions
                        .map((c) => asObject(c).expression)
                        .filter((e): e is string => typeof e === "string")
                    : []
                }
                readOnly={readOnly}
                onChange={(conditions) =>
                  store.getState().apply(
                    t("designer.edit.triggerConditions"),
                    (d) =>
                      updateTriggerSettings(d, {
                        name: node.name,
                        settings: { conditions: conditions.length ? conditions : null },
                      }),
                    {
                      coalesce: `${node.id}/conditions`,
                    },
                  )
                }
              />
              <SplitOnSetting
                splitOn={typeof step.splitOn === "string" ? step.splitOn : undefined}
                suggested={
                  typeof info.operation?.template?.splitOn === "string"
                    ? info.operation.template.splitOn
                    : undefined
                }
                readOnly={readOnly}
                onChange={(splitOn) =>
                  store
                    .getState()
                    .apply(
                      t("designer.edit.splitOn"),
                      (d) => updateTriggerSettings(d, { name: node.name, settings: { splitOn } }),
                      { coalesce: `${node.id}/splitOn` },
                    )
                }
              />
              <ConcurrencySetting
                runs={concurrencyOf(definition, node.name)?.runs}
                readOnly={readOnly}
                onChange={(runs) =>
                  store
                    .getState()
                    .apply(
                      t("designer.edit.concurrency"),
                      (d) => updateTriggerSettings(d, { name: node.name, settings: { concurrency: runs } }),
                      { coalesce: `${node.id}/concurrency` },
                    )
                }
              />
            </div>
          )}
          {tab === "code" && <StepCode name={displayName(node.name)} step={step} />}
          {tab === "runAfter" && node.kind === "action" && (
            <RunAfterEditor
              runAfter={node.action.runAfter ?? {}}
              candidates={runAfterCandidates(graph, node)}
              readOnly={readOnly}
              onChange={(runAfter) =>
                store
                  .getState()
                  .apply(t("designer.edit.runAfter"), (d) => setRunAfter(d, { name: node.name, runAfter }))
              }
            />
          )}
        </div>
        {picker && (
          <ContentPicker
            anchor={picker.anchor}
            groups={groups}
            {...(scope ? { scope } : {})}
            onClose={(how) => {
              if (how === "escape") picker.field.focus();
              setPicker(undefined);
            }}
            onInsert={(expression) => {
              picker.field.insertToken(expression);
              setPicker(undefined);
            }}
          />
        )}
      </aside>
    </FieldContextValue.Provider>
  );
}

/** Siblings this step may run after without making a cycle: not itself, nor any step that runs after it. */
function runAfterCandidates(graph: FlowGraph, node: ActionNode): string[] {
  const siblings =
    node.parentId === null
      ? graph.rootIds
      : (() => {
          const parent = graph.byId.get(node.parentId);
          return parent?.kind === "branch" ? parent.childIds : [];
        })();
  const followers = new Set<string>();
  const stack = [node.id];
  while (stack.length) {
    const id = stack.pop() ?? "";
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (edge.kind === "runAfter" && !followers.has(edge.target)) {
        followers.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return siblings
    .filter((id) => id !== node.id && !followers.has(id))
    .map((id) => graph.byId.get(id))
    .flatMap((n) => (n?.kind === "action" ? [n.name] : []));
}

function StepTitle({
  name,
  readOnly,
  onRename,
}: {
  name: string;
  readOnly: boolean;
  onRename: (to: string) => boolean;
}) {
  const [text, setText] = useState(displayName(name));
  // Escape blurs the field to give up the typing: the blur must not rename with it.
  const abandoning = useRef(false);
  const commit = () => {
    if (abandoning.current) {
      abandoning.current = false;
      setText(displayName(name));
      return;
    }
    const to = actionNameFromTitle(text);
    if (!to || to === name) {
      setText(displayName(name));
      return;
    }
    if (!onRename(to)) setText(displayName(name));
  };
  return (
    // A textarea, so that a long name wraps instead of being cut at the panel's edge; Enter still
    // commits, a name has no line breaks.
    <textarea
      className="step-title-input"
      rows={1}
      aria-label={t("designer.properties.stepName")}
      readOnly={readOnly}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          event.currentTarget.blur();
        }
        if (event.key === "Escape") {
          // Undoes the typing only: the panel stays open (a second Escape closes it).
          event.preventDefault();
          abandoning.current = true;
          event.currentTarget.blur();
        }
      }}
    />
  );
}

/** The trigger's operation: an automated flow chooses which event starts it. */
function TriggerPicker({ node, kind, readOnly }: { node: TriggerNode; kind: string; readOnly: boolean }) {
  const store = useDesignerStore();
  const current = operationOfAction(node.trigger as unknown as JsonValue);
  const options = allOperations().filter(
    (op) => op.kind === "trigger" && op.flowKind === kind && !op.deprecated,
  );
  if (options.length <= 1) return null;
  return (
    <label className="field">
      <span className="field-label">{t("designer.properties.startsWhen")}</span>
      <select
        className="input"
        aria-label={t("designer.properties.triggerLabel")}
        disabled={readOnly}
        value={current ? `${current.connectorId}/${current.operationId}` : ""}
        onChange={(event) => {
          const op = options.find((o) => `${o.connectorId}/${o.operationId}` === event.target.value);
          if (!op) return;
          const newName = op.displayName
            .trim()
            .replace(/\s+/g, "_")
            .replace(/[<>%&\\?/:#]/g, "");
          store.getState().apply(
            t("designer.edit.changeTrigger"),
            (d) =>
              replaceTrigger(d, {
                name: node.name,
                newName,
                trigger: instantiate(op) as unknown as WdlTrigger,
              }),
            { select: `#trigger/${newName}` },
          );
        }}
      >
        {!current && <option value="">{t("designer.properties.chooseTrigger")}</option>}
        {options.map((op) => (
          <option key={`${op.connectorId}/${op.operationId}`} value={`${op.connectorId}/${op.operationId}`}>
            {op.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}

function Parameters({
  node,
  step,
  operation,
  graph,
  problems,
  focusField,
  onChange,
  onReplaceInputs,
}: {
  node: ActionNode | TriggerNode;
  step: JsonObject;
  operation: OperationDeclaration | undefined;
  graph: FlowGraph;
  problems: ReadonlyMap<string, FieldProblem>;
  focusField: string | undefined;
  onChange: (input: InputDeclaration, value: JsonValue | undefined, operation: OperationDeclaration) => void;
  onReplaceInputs: (inputs: JsonValue) => void;
}) {
  const store = useDesignerStore();
  const readOnly = useDesigner((s) => s.readOnly);
  const [advanced, setAdvanced] = useState(false);
  const sandboxNames = useSandboxNames(
    operation?.inputs.some((input) => input.sandboxChoices !== undefined) ?? false,
  );
  if (!operation) {
    return (
      <>
        <p className="banner banner-warning">{t("designer.properties.unknownStep")}</p>
        <InputField
          input={{
            name: "inputs",
            title: t("designer.properties.inputs"),
            type: "object",
            required: false,
            help: "",
            advanced: false,
          }}
          value={step.inputs}
          onChange={(value) => onReplaceInputs(value ?? {})}
        />
      </>
    );
  }
  const inputs = inputsOf(operation, step).filter((input) => isVisible(input, operation, step));
  const variables = variableNames(graph);
  const valueOfInput = (name: string) => {
    const other = operation.inputs.find((candidate) => candidate.name === name);
    return other ? (inputValue(step, operation, other) ?? other.default) : undefined;
  };
  const field = (input: InputDeclaration) =>
    input.format === "run-flow-form" ? (
      <RunFlowFormDesigner
        key={input.name}
        schema={inputValue(step, operation, input)}
        readOnly={readOnly}
        onChange={(schema) => onChange(input, schema, operation)}
      />
    ) : (
      <InputField
        key={input.name}
        input={input}
        value={inputValue(step, operation, input)}
        problem={problems.get(input.name)}
        focusRequested={focusField === input.name}
        suggestions={
          input.format === "variable-name" ? variables : sandboxChoicesFor(input, sandboxNames, valueOfInput)
        }
        onChange={(value) => onChange(input, value, operation)}
      />
    );
  const basic = inputs.filter(
    (input) => !input.advanced || problems.has(input.name) || focusField === input.name,
  );
  const folded = inputs.filter((input) => !basic.includes(input));
  return (
    <div className="form">
      {basic.map(field)}
      {node.kind === "action" && isActionType(node.action, "Switch") && (
        <SwitchCasesEditor
          cases={(node.action.cases ?? {}) as Record<string, WdlSwitchCase>}
          readOnly={readOnly}
          onAdd={() =>
            store
              .getState()
              .apply(t("designer.edit.addCase"), (d) =>
                addSwitchCase(d, { switchName: node.name, value: "" }),
              )
          }
          onRemove={(caseName) =>
            store
              .getState()
              .apply(t("designer.edit.removeCase"), (d) =>
                removeSwitchCase(d, { switchName: node.name, caseName }),
              )
          }
          onSetValue={(caseName, value) =>
            store
              .getState()
              .apply(t("designer.edit.caseValue"), (d) =>
                setSwitchCaseValue(d, { switchName: node.name, caseName, value }),
              )
          }
        />
      )}
      {folded.length > 0 && (
        <div className="advanced">
          <button
            type="button"
            className="link-button"
            aria-expanded={advanced}
            onClick={() => setAdvanced(!advanced)}
          >
            {advanced ? (
              <ChevronDown size={14} aria-hidden="true" />
            ) : (
              <ChevronRight size={14} aria-hidden="true" />
            )}
            {advanced
              ? t("designer.properties.hideAdvanced")
              : t("designer.properties.showAdvanced", { count: folded.length })}
          </button>
          {advanced && folded.map(field)}
        </div>
      )}
      {inputs.length === 0 &&
        !isActionType(node.kind === "action" ? node.action : ({ type: "" } as WdlAction), "Switch") && (
          <p className="muted">{t("designer.properties.nothingToFill")}</p>
        )}
    </div>
  );
}

/** Every step, variable and loop of the flow, for the expression editor's check of names. */
function expressionScope(graph: FlowGraph): ExpressionScope {
  const actions: string[] = [];
  const loops: string[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== "action") continue;
    actions.push(node.name);
    if (isActionType(node.action, "Foreach") || isActionType(node.action, "Until")) loops.push(node.name);
  }
  return { actions, loops, variables: variableNames(graph) };
}

function variableNames(graph: FlowGraph): string[] {
  const names: string[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== "action" || !isActionType(node.action, "InitializeVariable")) continue;
    const list = asObject(node.action.inputs).variables;
    if (!Array.isArray(list)) continue;
    for (const variable of list) {
      const name = asObject(variable).name;
      if (typeof name === "string") names.push(name);
    }
  }
  return names;
}

export { descendantsOf };
