import { t } from "../i18n";

export interface ConfirmListItem {
  id: string;
  name: string;
  /** Why it is listed, or what it is ("Uses Office 365 Outlook…", "Built-in"). */
  detail?: string | undefined;
}

/**
 * Under a question, what it concerns one by one (the flows a policy suspends, the runs a reset
 * cancels…); past `limit`, the rest are counted.
 */
export function ConfirmList({
  items,
  testId,
  limit = Number.POSITIVE_INFINITY,
}: {
  items: readonly ConfirmListItem[];
  testId: string;
  limit?: number;
}) {
  return (
    <ul className="confirm-list" data-testid={testId}>
      {items.slice(0, limit).map((item) => (
        <li key={item.id}>
          <strong>{item.name}</strong>
          {item.detail && (
            <>
              {" "}
              <span className="muted">{item.detail}</span>
            </>
          )}
        </li>
      ))}
      {items.length > limit && (
        <li className="muted">{t("common.andMore", { count: items.length - limit })}</li>
      )}
    </ul>
  );
}
