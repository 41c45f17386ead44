import { Search } from "lucide-react";
import type { KeyboardEvent, Ref } from "react";

interface SearchFieldProps {
  /** What is searched ("Search flows"): the placeholder and the field's accessible name. */
  label: string;
  /** A shorter text in the box than its accessible name, where the box is narrow ("Search"). */
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  /** Classes added to the field's label (its placement on the page). */
  className?: string;
  inputClassName?: string;
  id?: string;
  /** Pickers open to be typed in. */
  autoFocus?: boolean;
  iconSize?: number;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** For a field focused again on demand (the designer's Find on a second Ctrl+F). */
  inputRef?: Ref<HTMLInputElement>;
}

/** The search box every list and picker uses: a magnifier inside a search input. */
export function SearchField({
  label,
  placeholder,
  value,
  onChange,
  className,
  inputClassName,
  id,
  autoFocus,
  iconSize = 16,
  onKeyDown,
  inputRef,
}: SearchFieldProps) {
  return (
    <label className={className ? `search ${className}` : "search"}>
      <Search size={iconSize} aria-hidden="true" />
      <input
        ref={inputRef}
        id={id}
        type="search"
        className={inputClassName ? `input ${inputClassName}` : "input"}
        placeholder={placeholder ?? label}
        aria-label={label}
        value={value}
        // biome-ignore lint/a11y/noAutofocus: only pickers ask for it, opened to be typed in
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}
