import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { AlertTriangle, ChevronDown, ChevronRight, CircleX, StickyNote } from "lucide-react";
import { memo } from "react";
import { t } from "../../../i18n";
import type { CardInfo } from "../../card-info";
import { iconFor } from "../../icons";
import { useDnd } from "../dnd";

export interface StepBadge {
  errors: number;
  warnings: number;
}

/** How a step differs from the version it is compared with (an old version's Changes panel). */
export type ChangeMark = "added" | "changed" | "removed";

const CHANGE_LABELS = {
  added: "compare.kind.added",
  changed: "compare.kind.changed",
  removed: "compare.kind.removed",
} as const;

/** The small "Added" / "Changed" / "Removed" pill of a compared step. */
function ChangePill({ mark }: { mark: ChangeMark }) {
  return (
    <span className={`card-change card-change-${mark}`} data-testid="card-change">
      {t(CHANGE_LABELS[mark])}
    </span>
  );
}

function NoteMark({ note }: { note: string }) {
  return (
    <span className="card-note" title={note} data-testid="card-note">
      <StickyNote size={14} aria-hidden="true" />
    </span>
  );
}

/** On the card being dragged with a selection of several: how many steps move with it. */
function MovingCount({ dragging }: { dragging: boolean }) {
  const count = useDnd((s) => (dragging && s.dragging?.kind === "move" ? s.dragging.names.length : 0));
  if (count < 2) return null;
  return (
    <span className="card-moving" data-testid="card-moving">
      {t("designer.card.moving", { count })}
    </span>
  );
}

export type StepCardData = {
  info: CardInfo;
  isTrigger: boolean;
  badge: StepBadge | undefined;
  /** Set for a collapsed scope: how many steps it hides. */
  hiddenSteps?: number;
  onToggleCollapse?: () => void;
  /** Run status of the step in the run being watched. */
  status?: string;
  change?: ChangeMark;
  /** The step's note (its description), shown as an icon whose tooltip reads it. */
  note?: string;
};
export type StepCardNode = Node<StepCardData, "step">;

export const StepCard = memo(function StepCard({ id, data, selected, dragging }: NodeProps<StepCardNode>) {
  const { info, badge } = data;
  const Icon = iconFor(info.icon, info.operation?.operationId);
  const classes = ["card", "step-card"];
  if (data.isTrigger) classes.push("trigger-card");
  if (selected) classes.push("selected");
  if (badge?.errors) classes.push("has-errors");
  if (data.status) classes.push(`status-${data.status.toLowerCase()}`);
  if (data.change) classes.push(`change-${data.change}`);
  return (
    <div
      className={classes.join(" ")}
      style={{ "--connector": info.color } as React.CSSProperties}
      data-testid="step-card"
      data-node-id={id}
      title={info.subtitle}
    >
      {!data.isTrigger && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="card-icon connector-icon">
        <Icon size={18} aria-hidden="true" />
      </div>
      <div className="card-text">
        <span className="card-eyebrow">
          {data.isTrigger
            ? t("designer.card.trigger", { connector: info.connectorName })
            : info.connectorName}
        </span>
        <span className="card-title">{info.title}</span>
      </div>
      {data.note && <NoteMark note={data.note} />}
      {data.change && <ChangePill mark={data.change} />}
      <MovingCount dragging={dragging} />
      {data.hiddenSteps !== undefined && (
        <button
          type="button"
          className="collapse-toggle nodrag"
          aria-label={t("designer.card.expand", { count: data.hiddenSteps })}
          onClick={(event) => {
            event.stopPropagation();
            data.onToggleCollapse?.();
          }}
        >
          <ChevronRight size={14} aria-hidden="true" />
          {data.hiddenSteps}
        </button>
      )}
      {badge && (badge.errors > 0 || badge.warnings > 0) && (
        <span
          className={badge.errors > 0 ? "card-badge error" : "card-badge warning"}
          title={t("designer.card.problems", { errors: badge.errors, warnings: badge.warnings })}
          data-testid="card-badge"
        >
          {badge.errors > 0 ? (
            <CircleX size={13} aria-hidden="true" />
          ) : (
            <AlertTriangle size={13} aria-hidden="true" />
          )}
          {badge.errors > 0 ? badge.errors : badge.warnings}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

export type ScopeNodeData = StepCardData;
export type ScopeNodeType = Node<ScopeNodeData, "scope">;

/** An expanded Condition, Switch, loop or Scope: a container whose branches sit side by side. */
export const ScopeNode = memo(function ScopeNode({ id, data, selected, dragging }: NodeProps<ScopeNodeType>) {
  const { info, badge } = data;
  const Icon = iconFor(info.icon, info.operation?.operationId);
  const classes = ["scope-node"];
  if (selected) classes.push("selected");
  // A container takes its contents' status in a run (a loop with a failed iteration is red).
  if (data.status) classes.push(`status-${data.status.toLowerCase()}`);
  if (data.change) classes.push(`change-${data.change}`);
  return (
    <div
      className={classes.join(" ")}
      style={{ "--connector": info.color } as React.CSSProperties}
      data-testid="scope-node"
      data-node-id={id}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="scope-header">
        <div className="card-icon connector-icon">
          <Icon size={18} aria-hidden="true" />
        </div>
        <div className="card-text">
          <span className="card-eyebrow">{info.connectorName}</span>
          <span className="card-title">{info.title}</span>
        </div>
        {data.note && <NoteMark note={data.note} />}
        {data.change && <ChangePill mark={data.change} />}
        <MovingCount dragging={dragging} />
        {badge && (badge.errors > 0 || badge.warnings > 0) && (
          <span
            className={badge.errors > 0 ? "card-badge error" : "card-badge warning"}
            data-testid="card-badge"
          >
            {badge.errors > 0 ? badge.errors : badge.warnings}
          </span>
        )}
        <button
          type="button"
          className="collapse-toggle nodrag"
          aria-label={t("designer.card.collapse")}
          onClick={(event) => {
            event.stopPropagation();
            data.onToggleCollapse?.();
          }}
        >
          <ChevronDown size={14} aria-hidden="true" />
        </button>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
