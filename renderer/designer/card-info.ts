// What a card shows about a step or trigger: its title, what it does, the connector's colour and icon.
import {
  type ConnectorDeclaration,
  connectorOf,
  type OperationDeclaration,
  operationOfAction,
} from "../../shared/connectors";
import { connectorRefOf } from "../../shared/flow";
import { isJsonObject, type JsonValue } from "../../shared/json";
import { t } from "../i18n";

export interface CardInfo {
  /** The step's name as people read it: "Send_an_email_(V2)" → "Send an email (V2)". */
  title: string;
  /** The operation's display name, or the WDL type when the catalog does not know it. */
  subtitle: string;
  /** "Approvals", "Control"…: what the small line above the title says. */
  connectorName: string;
  color: string;
  icon: string | undefined;
  operation: OperationDeclaration | undefined;
  connector: ConnectorDeclaration | undefined;
}

export const UNKNOWN_COLOR = "#6b7280";

/** A step's note for people, as Power Automate keeps it: its description ("" when it has none). */
export function stepNote(step: unknown): string {
  const description = isJsonObject(step) ? step.description : undefined;
  return typeof description === "string" ? description : "";
}

export function displayName(stepName: string): string {
  return stepName.replaceAll("_", " ");
}

export function cardInfo(name: string, step: JsonValue): CardInfo {
  const operation = operationOfAction(step);
  const connector = operation ? connectorOf(operation) : undefined;
  const type = typeof step === "object" && step !== null && !Array.isArray(step) ? step.type : undefined;
  // A trigger under its default name ("manual") reads better as what it is ("Manually trigger a flow").
  const title =
    operation?.kind === "trigger" && operation.defaultName === name
      ? operation.displayName
      : displayName(name);
  const typeName = typeof type === "string" ? type : t("designer.card.unknownStep");
  return {
    title,
    subtitle: operation?.displayName ?? typeName,
    connectorName: connector?.displayName ?? unknownConnectorName(step) ?? typeName,
    color: connector?.color ?? UNKNOWN_COLOR,
    icon: connector?.icon,
    operation,
    connector,
  };
}

/**
 * What a screen reader says of a card reached with Tab: "Start and wait for an approval, Approvals:
 * Start and wait for an approval, 1 error(s), 0 warning(s), Waiting".
 */
export function cardAriaLabel(
  info: CardInfo,
  badge: { errors: number; warnings: number } | undefined,
  status: string | undefined,
  note?: string,
): string {
  const parts = [
    t("designer.card.aria", { title: info.title, connector: info.connectorName, operation: info.subtitle }),
  ];
  if (badge && (badge.errors > 0 || badge.warnings > 0)) parts.push(t("designer.card.problems", badge));
  if (status) parts.push(status);
  if (note) parts.push(t("designer.stepNote.onCard", { note }));
  return parts.join(", ");
}

/** A connector the catalog does not know, by the name its call gives ("shared_office365users" → "office365users"). */
function unknownConnectorName(step: JsonValue): string | undefined {
  if (!isJsonObject(step) || typeof step.type !== "string") return undefined;
  const ref = connectorRefOf({
    type: step.type,
    ...(step.inputs === undefined ? {} : { inputs: step.inputs }),
  });
  return ref?.connector?.replace(/^shared_/, "");
}

/** What a branch's chip says: "Yes", "No", a Switch case's value, "Default", "For each item"… */
export function branchHeadLabel(label: string, caseValue: unknown, scopeType: string): string {
  switch (label) {
    case "yes":
      return t("designer.branch.yes");
    case "no":
      return t("designer.branch.no");
    case "default":
      return t("designer.branch.default");
    case "body":
      return scopeType === "Foreach"
        ? t("designer.branch.forEach")
        : scopeType === "Until"
          ? t("designer.branch.repeat")
          : t("designer.branch.steps");
    default:
      return caseValue === undefined || caseValue === null || caseValue === "" ? label : String(caseValue);
  }
}
