import type { RunStatus, StepStatus } from "../../shared/api";
import { displayName } from "../designer/card-info";

/**
 * Where a step ran inside loops, as people count: "Apply_to_each[0]/Lines[2]" → "Apply to each #1 ›
 * Lines #3". The journal's path is 0-based, as iterationIndexes() is; the run panel counts from 1.
 */
export function iterationLabel(iteration: string): string {
  return iteration
    .split("/")
    .map((part) => {
      const match = /^(.*)\[(\d+)\]$/.exec(part);
      return match ? `${displayName(match[1] ?? "")} #${Number(match[2]) + 1}` : part;
    })
    .join(" › ");
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}

export function statusTone(
  status: RunStatus | StepStatus | string,
): "success" | "danger" | "muted" | "accent" {
  switch (status) {
    case "Succeeded":
      return "success";
    case "Failed":
    case "TimedOut":
      return "danger";
    case "Running":
    case "Waiting":
      return "accent";
    default:
      return "muted";
  }
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status-badge tone-${statusTone(status)}`} data-testid="status-badge">
      {status === "TimedOut" ? "Timed out" : status}
    </span>
  );
}
