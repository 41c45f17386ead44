import { ChevronDown, ChevronUp, ExternalLink, RotateCcw, Square, X } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link } from "wouter";
import type { RunDetail, StepRecord } from "../../shared/api";
import {
  actionNameOfNodeId,
  actionNodeId,
  concurrencyOf,
  triggerNodeId,
  type WdlDefinition,
} from "../../shared/flow";
import { isJsonObject, type JsonValue } from "../../shared/json";
import { displayName } from "../designer/card-info";
import { formatDateTime, type MessageKey, t } from "../i18n";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { SearchField } from "../ui/SearchField";
import { formatDuration, iterationLabel, StatusBadge } from "./format";
import { JsonTree } from "./JsonTree";
import { RunPanelResizer, useRoom } from "./RunPanelResizer";
import { failureCause, finalAttempts } from "./run-cause";
import { clampRunPanelHeight, useRunPanelSize } from "./run-panel-size";

/**
 * A run's journal: its status and timing, every step attempt in the order it started, and the chosen
 * step's inputs, outputs and error. Used under the designer's canvas and on a run's own page.
 */
export function RunPanel({
  run,
  selectedNode,
  onSelectNode,
  onCancel,
  onResubmit,
  onOpen,
  onClose,
  resizable = false,
}: {
  run: RunDetail;
  /** The canvas node chosen (a step's or the trigger's): its entry is shown. */
  selectedNode?: string | undefined;
  /** An entry was chosen here: the canvas selects its node. */
  onSelectNode?: (nodeId: string) => void;
  /** Cancels the run, after the panel has asked; a refusal is shown in the question. */
  onCancel?: () => Promise<void>;
  onResubmit?: () => void;
  onOpen?: () => void;
  onClose?: () => void;
  /** Under the canvas: a top edge that sets its height, and a button that folds it to its header (both remembered). */
  resizable?: boolean;
}) {
  const panelRef = useRef<HTMLElement>(null);
  const sizing = useRunPanelSize();
  const room = useRoom(panelRef, resizable);
  const collapsed = resizable && sizing.size.collapsed;
  // The height remembered may not fit a window made shorter since: shown within what it allows now.
  const height = clampRunPanelHeight(sizing.size.height, room);
  const [selectedPath, setSelectedPath] = useState<string>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const steps = useMemo(() => [...run.steps].sort((a, b) => a.seq - b.seq), [run.steps]);
  // A long run (a loop of hundreds of items) is searched by step name, or cut to what failed.
  const [query, setQuery] = useState("");
  const [failedOnly, setFailedOnly] = useState(false);
  const needle = query.trim().toLocaleLowerCase();
  const filtering = needle !== "" || failedOnly;
  const shownSteps = useMemo(() => {
    if (!filtering) return steps;
    return steps.filter(
      (s) =>
        (!failedOnly || s.status === "Failed" || s.status === "TimedOut") &&
        (needle === "" || displayName(s.action).toLocaleLowerCase().includes(needle)),
    );
  }, [steps, needle, failedOnly, filtering]);
  // A step that was retried labels every attempt, the first one too.
  const retried = useMemo(
    () => new Set(run.steps.filter((s) => s.attempt > 1).map((s) => s.path)),
    [run.steps],
  );
  // Choosing a card on the canvas shows that step's latest attempt (or what the trigger reported).
  // Only a new choice on the canvas does: not the card this list selected (the row chosen may be an
  // earlier attempt), nor steps arriving while the person reads one.
  const chosenHere = useRef<string | undefined>(undefined);
  const latestSteps = useRef(steps);
  latestSteps.current = steps;
  useEffect(() => {
    if (!selectedNode || selectedNode === chosenHere.current) return;
    chosenHere.current = undefined;
    if (selectedNode === triggerNodeId(run.triggerName)) {
      setSelectedPath(TRIGGER);
      return;
    }
    const action = actionNameOfNodeId(selectedNode);
    const latest = [...latestSteps.current].reverse().find((s) => s.action === action);
    if (latest) setSelectedPath(key(latest));
  }, [selectedNode, run.triggerName]);
  const choose = (path: string, node: string) => {
    setSelectedPath(path);
    chosenHere.current = node;
    onSelectNode?.(node);
  };
  const cause = failureCause(steps);
  const triggerChosen = selectedPath === TRIGGER;
  const selected = triggerChosen
    ? undefined
    : (steps.find((s) => key(s) === selectedPath) ??
      cause ??
      finalAttempts(steps).find((s) => s.status === "Failed") ??
      steps[steps.length - 1]);
  const active = run.status === "Running" || run.status === "Waiting";
  const waiting = run.waits[0];
  const waitingLink = sandboxLinkOf(waiting?.token ?? null);

  return (
    <section
      ref={panelRef}
      className={`run-panel${resizable ? " resizable" : ""}${collapsed ? " collapsed" : ""}`}
      style={resizable && !collapsed ? { height } : undefined}
      aria-label={t("runs.panel")}
      data-testid="run-panel"
    >
      {resizable && !collapsed && (
        <RunPanelResizer height={height} room={room} onResize={sizing.setHeight} onReset={sizing.reset} />
      )}
      <header className="run-header">
        <StatusBadge status={run.status} />
        <div className="run-facts">
          <h2 className="run-panel-title">
            {run.mode === "test" ? t("runs.testRun") : t("runs.publishedRun")}
          </h2>
          <span className="muted">
            {run.flowVersion === null ? t("runs.onDraft") : t("runs.onVersion", { version: run.flowVersion })}{" "}
            · {t("runs.started", { when: formatDateTime(run.startedAt) })} · {formatDuration(run.durationMs)}
          </span>
        </div>
        <div className="run-actions">
          {active && onCancel && (
            <button type="button" className="button" onClick={() => setConfirmCancel(true)}>
              <Square size={14} aria-hidden="true" /> {t("runs.cancel")}
            </button>
          )}
          {!active && onResubmit && (
            <button type="button" className="button" onClick={onResubmit}>
              <RotateCcw size={14} aria-hidden="true" /> {t("runs.resubmit")}
            </button>
          )}
          {onOpen && (
            <button type="button" className="button" onClick={onOpen}>
              <ExternalLink size={14} aria-hidden="true" /> {t("runs.openRun")}
            </button>
          )}
          {resizable && (
            <button
              type="button"
              className="icon-button"
              aria-label={t(collapsed ? "runs.expandPanel" : "runs.collapsePanel")}
              title={t(collapsed ? "runs.expandPanel" : "runs.collapsePanel")}
              aria-expanded={!collapsed}
              onClick={() => sizing.setCollapsed(!collapsed)}
            >
              {collapsed ? (
                <ChevronUp size={16} aria-hidden="true" />
              ) : (
                <ChevronDown size={16} aria-hidden="true" />
              )}
            </button>
          )}
          {onClose && (
            <button type="button" className="icon-button" aria-label={t("runs.closePanel")} onClick={onClose}>
              <X size={16} />
            </button>
          )}
        </div>
      </header>
      {/* Collapsed: the header alone (status, timing, actions) leaves the canvas the room. */}
      {!collapsed && (
        <>
          {run.error && (
            <p className="banner banner-error run-error" role="alert">
              {/* One text flow: the banner lays out its children side by side. */}
              <span>
                {run.error.message}
                {cause?.error && cause.error.message !== run.error.message && (
                  <>
                    {" "}
                    {t("runs.causedBy")}{" "}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => choose(key(cause), actionNodeId(cause.action))}
                    >
                      {displayName(cause.action)}
                    </button>
                    {" — "}
                    {cause.error.message}
                  </>
                )}
              </span>
            </p>
          )}
          {run.queued && (
            <p className="banner banner-info run-waiting" data-testid="run-queued">
              {t("runs.queued", {
                count: concurrencyOf(run.definition as WdlDefinition, run.triggerName)?.runs ?? 1,
              })}
            </p>
          )}
          {run.status === "Waiting" && waiting?.description && (
            <p className="banner banner-info run-waiting" data-testid="run-waiting">
              <span>{waiting.description}</span>
              {waitingLink && (
                <Link href={waitingLink.href} className="run-waiting-link">
                  {t(waitingLink.label)}
                </Link>
              )}
            </p>
          )}
          <div className="run-body">
            <div className="run-steps-column">
              {steps.length > LONG_RUN_STEPS && (
                <div className="run-steps-filter" data-testid="run-steps-filter">
                  <SearchField
                    inputClassName="input-small"
                    iconSize={14}
                    label={t("runs.findStep")}
                    value={query}
                    onChange={setQuery}
                  />
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={failedOnly}
                      onChange={(event) => setFailedOnly(event.target.checked)}
                    />
                    {t("runs.failedOnly")}
                  </label>
                </div>
              )}
              <ol
                className="run-steps"
                aria-label={t("runs.steps")}
                // A new filter shows its matches from the top.
                key={`${failedOnly}:${needle}`}
              >
                {!filtering && (
                  <li>
                    <button
                      type="button"
                      className={selected ? "run-step" : "run-step selected"}
                      data-testid="run-trigger"
                      onClick={() => choose(TRIGGER, triggerNodeId(run.triggerName))}
                    >
                      <FiredBadge />
                      <span className="run-step-name">
                        {displayName(run.triggerName)}
                        <span className="muted"> · {t("runs.trigger")}</span>
                      </span>
                      <span className="muted run-step-duration" />
                    </button>
                  </li>
                )}
                {shownSteps.map((step) => (
                  <li key={key(step)}>
                    <button
                      type="button"
                      className={selected && key(selected) === key(step) ? "run-step selected" : "run-step"}
                      data-testid="run-step"
                      onClick={() => choose(key(step), actionNodeId(step.action))}
                    >
                      <StatusBadge status={step.status} />
                      <span className="run-step-name">
                        {displayName(step.action)}
                        {step.iteration && (
                          <span className="muted" title={step.iteration}>
                            {" "}
                            · {iterationLabel(step.iteration)}
                          </span>
                        )}
                        {retried.has(step.path) && (
                          <span className="muted"> · {t("runs.attempt", { attempt: step.attempt })}</span>
                        )}
                      </span>
                      <span className="muted run-step-duration">{formatDuration(step.durationMs)}</span>
                    </button>
                  </li>
                ))}
                {steps.length === 0 && <li className="muted">{t("runs.noSteps")}</li>}
                {steps.length > 0 && shownSteps.length === 0 && (
                  <li className="muted run-steps-none">{t("runs.noStepMatches")}</li>
                )}
              </ol>
            </div>
            {selected ? <StepDetails step={selected} /> : <TriggerDetails run={run} />}
          </div>
        </>
      )}
      {confirmCancel && onCancel && (
        <ConfirmDialog
          title={t("runs.cancel.title")}
          body={t(run.status === "Waiting" ? "runs.cancel.bodyWaiting" : "runs.cancel.body")}
          confirmLabel={t("runs.cancel")}
          cancelLabel={t("runs.cancel.keep")}
          danger
          onClose={() => setConfirmCancel(false)}
          onConfirm={async () => {
            await onCancel();
            setConfirmCancel(false);
          }}
        />
      )}
    </section>
  );
}

/** The trigger's entry in the list (no step path can be empty-hashed like this). */
const TRIGGER = "#trigger";
/** Past this many step rows, the list offers a search and a "failed only" filter. */
const LONG_RUN_STEPS = 12;

function key(step: StepRecord): string {
  return `${step.path}#${step.attempt}`;
}

function StepDetails({ step }: { step: StepRecord }) {
  return (
    <div className="step-details" data-testid="step-details">
      <h3>
        {displayName(step.action)} <StatusBadge status={step.status} />
      </h3>
      <dl className="facts">
        <dt>{t("runs.startedAt")}</dt>
        <dd>{formatDateTime(step.startedAt)}</dd>
        <dt>{t("runs.duration")}</dt>
        <dd>{formatDuration(step.durationMs)}</dd>
        {step.code && (
          <>
            <dt>{t("runs.code")}</dt>
            <dd>{step.code}</dd>
          </>
        )}
      </dl>
      {step.error && (
        <div className="banner banner-error" role="alert" data-testid="step-error">
          <div>
            <strong>{step.error.code}</strong>
            <p>{step.error.message}</p>
          </div>
        </div>
      )}
      <h4>{t("runs.inputs")}</h4>
      <StepData
        testId="step-inputs"
        value={step.inputs ?? loopItems(step)}
        secured={step.secured.includes("inputs")}
      />
      <h4>{t("runs.outputs")}</h4>
      <StepData testId="step-outputs" value={step.outputs} secured={step.secured.includes("outputs")} />
    </div>
  );
}

/** An Apply to each's input is the list it goes over, kept in its journal state. */
function loopItems(step: StepRecord): JsonValue | null {
  if (step.type.toLowerCase() !== "foreach") return null;
  return isJsonObject(step.state) && Array.isArray(step.state.items) ? step.state.items : null;
}

/** The trigger does not succeed or fail: it fired, and the run exists. */
function FiredBadge() {
  return <span className="status-badge tone-success">{t("runs.fired")}</span>;
}

/** What the trigger reported: the run's trigger outputs, when it fired. */
function TriggerDetails({ run }: { run: RunDetail }) {
  return (
    <div className="step-details" data-testid="trigger-details">
      <h3>
        {displayName(run.triggerName)} <FiredBadge />
      </h3>
      <dl className="facts">
        <dt>{t("runs.firedAt")}</dt>
        <dd>{formatDateTime(run.startedAt)}</dd>
      </dl>
      <h4>{t("runs.outputs")}</h4>
      <StepData testId="trigger-outputs" value={run.triggerOutputs} secured={run.triggerSecured} />
    </div>
  );
}

/** A step's inputs or outputs: the JSON, "None", or why it is hidden (secure inputs/outputs). */
function StepData({ testId, value, secured }: { testId: string; value: JsonValue | null; secured: boolean }) {
  return (
    <div className="json-view" data-testid={testId}>
      {secured ? (
        <span className="muted">{t("runs.secured")}</span>
      ) : value === null ? (
        <span className="muted">{t("runs.none")}</span>
      ) : (
        <JsonTree value={value} />
      )}
    </div>
  );
}

/** Where in the sandbox a wait is answered: its approval ("approval:<id>") or its Teams card ("card:<id>"). */
function sandboxLinkOf(token: string | null): { href: string; label: MessageKey } | undefined {
  if (token?.startsWith("approval:"))
    return {
      href: `~/sandbox/approvals/inbox/${token.slice("approval:".length)}`,
      label: "runs.openApproval",
    };
  if (token?.startsWith("card:"))
    return { href: `~/sandbox/teams/message/${token.slice("card:".length)}`, label: "runs.openCard" };
  return undefined;
}
