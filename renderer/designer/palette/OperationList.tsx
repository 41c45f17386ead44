import { ChevronDown, ChevronRight } from "lucide-react";
import { useMemo, useState } from "react";
import {
  type ConnectorDeclaration,
  type OperationDeclaration,
  paletteGroups,
  searchOperations,
} from "../../../shared/connectors";
import { t } from "../../i18n";
import { SearchField } from "../../ui/SearchField";
import { STEP_MIME, useDnd } from "../canvas/dnd";
import { iconFor } from "../icons";

interface Props {
  /** Where focus goes first: the search box. */
  autoFocus?: boolean;
  onChoose: (operation: OperationDeclaration) => void;
  /** Items can be dragged onto the canvas (the side palette); the picker only clicks. */
  draggable: boolean;
}

/** The searchable list of steps, grouped by connector: the palette and the "+" picker both use it. */
export function OperationList({ autoFocus, onChoose, draggable }: Props) {
  const [query, setQuery] = useState("");
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => paletteGroups({ kind: "action" }), []);
  const hits = useMemo(
    () => (query.trim() ? searchOperations(query, { kind: "action" }) : undefined),
    [query],
  );

  const item = (connector: ConnectorDeclaration, operation: OperationDeclaration) => {
    const Icon = iconFor(connector.icon, operation.operationId);
    return (
      <li key={`${connector.id}/${operation.operationId}`}>
        <button
          type="button"
          className="palette-item"
          draggable={draggable}
          data-testid="palette-item"
          title={operation.description}
          onDragStart={(event) => {
            event.dataTransfer.setData(STEP_MIME, `${connector.id}/${operation.operationId}`);
            event.dataTransfer.effectAllowed = "copy";
            useDnd.getState().start({
              kind: "new",
              connectorId: connector.id,
              operationId: operation.operationId,
              wdlType: operation.wdlType,
            });
          }}
          onDragEnd={() => useDnd.getState().end()}
          onClick={() => onChoose(operation)}
        >
          <span className="palette-icon" style={{ background: connector.color }}>
            <Icon size={14} aria-hidden="true" />
          </span>
          <span className="palette-text">
            <span className="palette-name">{operation.displayName}</span>
            <span className="palette-connector">{connector.displayName}</span>
          </span>
        </button>
      </li>
    );
  };

  return (
    <div className="operation-list">
      <SearchField
        className="palette-search"
        iconSize={15}
        autoFocus={autoFocus}
        label={t("palette.search")}
        value={query}
        onChange={setQuery}
        onKeyDown={(event) => {
          if (event.key === "Enter" && hits?.[0]) onChoose(hits[0].operation);
        }}
      />
      <div className="palette-scroll">
        {hits ? (
          hits.length === 0 ? (
            <p className="muted palette-empty">{t("palette.noMatch", { query })}</p>
          ) : (
            <ul className="palette-items" aria-label={t("palette.results")}>
              {hits.map((hit) => item(hit.connector, hit.operation))}
            </ul>
          )
        ) : (
          groups.map((group) => {
            const isFolded = folded.has(group.group);
            return (
              <section key={group.group} className="palette-group">
                <button
                  type="button"
                  className="palette-group-title"
                  aria-expanded={!isFolded}
                  onClick={() => {
                    const next = new Set(folded);
                    if (isFolded) next.delete(group.group);
                    else next.add(group.group);
                    setFolded(next);
                  }}
                >
                  {isFolded ? (
                    <ChevronRight size={14} aria-hidden="true" />
                  ) : (
                    <ChevronDown size={14} aria-hidden="true" />
                  )}
                  {group.group}
                </button>
                {!isFolded && (
                  <ul className="palette-items" aria-label={group.group}>
                    {group.connectors.flatMap((entry) =>
                      entry.operations.map((op) => item(entry.connector, op)),
                    )}
                  </ul>
                )}
              </section>
            );
          })
        )}
      </div>
    </div>
  );
}
