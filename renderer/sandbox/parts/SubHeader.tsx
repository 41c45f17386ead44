import type { ReactNode } from "react";

/**
 * The header of a page inside the sandbox: its title, a line under it, and the page's actions on
 * the right (where Business Central pages will also get their Automate menu).
 */
export function SubHeader({
  title,
  subtitle,
  before,
  badge,
  actions,
}: {
  title: string;
  subtitle?: ReactNode;
  /** A back link above the title. */
  before?: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="sbx-subheader">
      <div className="sbx-subheader-text">
        {before}
        <div className="sbx-subheader-title">
          <h2>{title}</h2>
          {badge}
        </div>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {actions && <div className="sbx-subheader-actions">{actions}</div>}
    </header>
  );
}
