import type { ReactNode } from "react";

/**
 * A button that shows only an icon: its label names it for screen readers and, unless a longer
 * title is given, is its tooltip too.
 */
export function IconButton({
  label,
  title,
  icon,
  onClick,
  disabled,
  className,
  testId,
}: {
  label: string;
  title?: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : "icon-button"}
      aria-label={label}
      title={title ?? label}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
    >
      {icon}
    </button>
  );
}
