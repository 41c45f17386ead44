// Icons of connectors and built-in steps: the catalog names lucide icons; a fixed map keeps the
// bundle to the icons we use.
import {
  Bell,
  Box,
  Braces,
  Building2,
  CalendarClock,
  CheckCircle,
  Clock,
  FileJson,
  Filter,
  GitBranch,
  GitFork,
  Hand,
  Hourglass,
  ListTree,
  type LucideIcon,
  Mail,
  MessageSquare,
  MousePointerClick,
  OctagonX,
  Puzzle,
  Repeat,
  Reply,
  RotateCw,
  Sheet,
  Table,
  Type,
  Variable,
  Webhook,
} from "lucide-react";

const BY_NAME: Readonly<Record<string, LucideIcon>> = {
  bell: Bell,
  braces: Braces,
  "building-2": Building2,
  "calendar-clock": CalendarClock,
  "check-circle": CheckCircle,
  "git-branch": GitBranch,
  hand: Hand,
  mail: Mail,
  "message-square": MessageSquare,
  sheet: Sheet,
  variable: Variable,
  webhook: Webhook,
};

/** Built-ins share a connector but deserve their own picture. */
const BY_OPERATION: Readonly<Record<string, LucideIcon>> = {
  If: GitFork,
  Switch: ListTree,
  Foreach: Repeat,
  Until: RotateCw,
  Scope: Box,
  Terminate: OctagonX,
  Delay: Hourglass,
  DelayUntil: Clock,
  Response: Reply,
  Compose: Braces,
  ParseJson: FileJson,
  Select: Table,
  Query: Filter,
  Join: Type,
  TableHtml: Table,
  TableCsv: Table,
  Recurrence: CalendarClock,
  Button: MousePointerClick,
};

export function iconFor(iconName: string | undefined, operationId?: string): LucideIcon {
  return (operationId && BY_OPERATION[operationId]) || (iconName && BY_NAME[iconName]) || Puzzle;
}
