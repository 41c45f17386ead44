import { Hourglass } from "lucide-react";
import { type MessageKey, t } from "../i18n";
import { EmptyState } from "../ui/EmptyState";

/** A page whose feature has not landed yet: says what it will be, not a blank screen. */
export function ComingPage({ page, body }: { page: MessageKey; body: MessageKey }) {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t(page)}</h1>
      </header>
      <EmptyState icon={<Hourglass size={40} />} title={t("coming.title", { page: t(page) })}>
        {t(body)}
      </EmptyState>
    </div>
  );
}
