import { FlaskConical } from "lucide-react";
import { Link, useLocation } from "wouter";
import { api } from "../../api/client";
import { useThrottledApiEvents } from "../../api/hooks";
import { t } from "../../i18n";
import { useLoad } from "../use-sandbox-data";
import { clockAhead, isClockAhead } from "./clock-words";

/**
 * On every sandbox page but Simulation's own: faults that make calls fail or answer late, and a
 * clock ahead of real time, said where the person looks. Otherwise a failing step or a date in
 * the future is blamed on the flow.
 */
export function SimulationNotice() {
  const [location] = useLocation();
  const onSimulation = location === "/simulation" || location.startsWith("/simulation/");
  // Read again on each page: faults are set and the clock moved on the Simulation page.
  const state = useLoad(onSimulation ? undefined : `simulation-notice:${location}`, async () => {
    const [faults, clock] = await Promise.all([
      api.call("sandbox.faults.list", {}),
      api.call("sandbox.clock.get", {}),
    ]);
    return { faults: faults.length, offsetMs: clock.offsetMs };
  });
  // Faults count down as steps call the sandbox, and run out.
  useThrottledApiEvents(["runs.step", "runs.finished"], state.reload, 500);

  if (onSimulation || !state.data) return null;
  const { faults, offsetMs } = state.data;
  const ahead = isClockAhead(offsetMs);
  if (faults === 0 && !ahead) return null;
  const parts = [
    ...(faults > 0 ? [t("sandbox.notice.faults", { count: faults })] : []),
    ...(ahead ? [t("sandbox.notice.clock", { ahead: clockAhead(offsetMs) })] : []),
  ];
  return (
    <div className="sbx-sim-notice" data-testid="simulation-notice">
      <FlaskConical size={16} aria-hidden="true" />
      <span>{parts.join(" · ")}</span>
      <Link href="/simulation" className="sbx-sim-notice-link">
        {t("sandbox.notice.open")}
      </Link>
    </div>
  );
}
