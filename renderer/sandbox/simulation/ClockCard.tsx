import { Clock, FastForward, History } from "lucide-react";
import { useEffect, useState } from "react";
import type { MethodInput } from "../../../shared/api";
import { api } from "../../api/client";
import { useApiEvent } from "../../api/hooks";
import { formatDateTime, type MessageKey, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toast } from "../../ui/toasts";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { useSandboxClock } from "../sandbox-clock";
import { useLoad } from "../use-sandbox-data";
import { clockAhead, isClockAhead } from "./clock-words";

const HOUR = 3_600_000;
const STEPS: { label: MessageKey; input: MethodInput<"sandbox.clock.advance"> }[] = [
  { label: "sandbox.clock.hour", input: { byMs: HOUR } },
  { label: "sandbox.clock.day", input: { byMs: 24 * HOUR } },
  { label: "sandbox.clock.threeDays", input: { byMs: 72 * HOUR } },
  { label: "sandbox.clock.week", input: { byMs: 168 * HOUR } },
  { label: "sandbox.clock.nextWait", input: { toNextWait: true } },
];

/** The simulated clock: now, the next timed wait, and jumps that fire the waits on the way. */
export function ClockCard() {
  const clock = useLoad("clock", () => api.call("sandbox.clock.get", {}));
  const [busy, setBusy] = useState(false);
  const [fired, setFired] = useState<{ count: number; advance: number }>();
  const [error, setError] = useState<string>();

  // Runs add and remove waits; the clock itself moves on with real time.
  useApiEvent("runs.waiting", clock.reload);
  useApiEvent("runs.finished", clock.reload);
  useEffect(() => {
    const timer = setInterval(clock.reload, 30_000);
    return () => clearInterval(timer);
  }, [clock.reload]);

  /** Runs a change of the clock: its buttons wait for it, and its error is said under them. */
  const act = async (change: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await change();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };
  const advance = (input: MethodInput<"sandbox.clock.advance">) =>
    act(async () => {
      const result = await api.call("sandbox.clock.advance", input);
      setFired((previous) => ({ count: result.fired, advance: (previous?.advance ?? 0) + 1 }));
      clock.reload();
    });

  // A wait set while the clock ran ahead stays due at its simulated time: said before going back.
  const [confirmBack, setConfirmBack] = useState<{ due: string; ahead: string }>();
  const returnToRealTime = async () => {
    await api.call("sandbox.clock.realTime", {});
    setFired(undefined);
    toast.success(t("sandbox.clock.backDone"));
    clock.reload();
  };
  const back = async () => {
    const next = clock.data?.nextWaitAt;
    const lead = next ? Date.parse(next) - Date.now() : 0;
    if (next && isClockAhead(lead)) {
      setConfirmBack({ due: formatDateTime(next), ahead: clockAhead(lead) });
      return;
    }
    await act(returnToRealTime);
  };

  const state = clock.data;
  // The sandbox's pages count "2 days ago" from this clock.
  const setOffset = useSandboxClock((s) => s.setOffset);
  useEffect(() => {
    if (state) setOffset(state.offsetMs);
  }, [state, setOffset]);
  return (
    <section className="sbx-panel" aria-labelledby="sbx-clock-title" data-testid="clock">
      <h3 id="sbx-clock-title">{t("sandbox.clock.title")}</h3>
      <p className="muted">{t("sandbox.clock.body")}</p>
      {clock.error !== undefined && !state ? (
        <ErrorBanner error={clock.error} onRetry={clock.reload} />
      ) : !state ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <dl className="facts sbx-clock-facts">
          <dt>{t("sandbox.clock.now")}</dt>
          <dd data-testid="clock-now">
            <Clock size={14} aria-hidden="true" /> {formatDateTime(state.now)}{" "}
            <span className="muted">({clockAhead(state.offsetMs)})</span>
          </dd>
          <dt>{t("sandbox.clock.next")}</dt>
          <dd data-testid="clock-next">
            {state.nextWaitAt ? formatDateTime(state.nextWaitAt) : t("sandbox.clock.noWait")}
          </dd>
        </dl>
      )}
      <div className="sbx-button-row">
        {STEPS.map((step) => (
          <button
            key={step.label}
            type="button"
            className="button"
            disabled={busy || ("toNextWait" in step.input && !state?.nextWaitAt)}
            onClick={() => void advance(step.input)}
          >
            {"toNextWait" in step.input && <FastForward size={16} aria-hidden="true" />}
            {t(step.label)}
          </button>
        ))}
      </div>
      <div className="sbx-clock-back">
        <p className="muted" id="sbx-clock-back-body">
          {t("sandbox.clock.backBody")}
        </p>
        <div>
          <button
            type="button"
            className="button"
            aria-describedby="sbx-clock-back-body"
            disabled={busy || !state || state.offsetMs <= 0}
            onClick={() => void back()}
          >
            <History size={16} aria-hidden="true" />
            {t("sandbox.clock.backToRealTime")}
          </button>
        </div>
      </div>
      {confirmBack && (
        <ConfirmDialog
          title={t("sandbox.clock.backConfirm.title")}
          body={t("sandbox.clock.backConfirm.body", confirmBack)}
          confirmLabel={t("sandbox.clock.backToRealTime")}
          onClose={() => setConfirmBack(undefined)}
          onConfirm={async () => {
            await returnToRealTime();
            setConfirmBack(undefined);
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {fired !== undefined && (
        <p className="sbx-fired" role="status" data-testid="clock-fired" data-advance={fired.advance}>
          {t("sandbox.clock.fired", { count: fired.count })}
        </p>
      )}
    </section>
  );
}
