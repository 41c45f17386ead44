import { CalendarClock, MousePointerClick, Zap } from "lucide-react";
import type { FlowKind } from "../../shared/api";
import { type MessageKey, t } from "../i18n";

const ICONS = { automated: Zap, scheduled: CalendarClock, instant: MousePointerClick } as const;

export function KindIcon({ kind, size = 16 }: { kind: FlowKind; size?: number }) {
  const Icon = ICONS[kind];
  return <Icon size={size} aria-hidden="true" className={`kind-icon kind-${kind}`} />;
}

export function kindLabel(kind: FlowKind): string {
  return t(`kind.${kind}` as MessageKey);
}

export function kindDescription(kind: FlowKind): string {
  return t(`kind.${kind}.description` as MessageKey);
}
