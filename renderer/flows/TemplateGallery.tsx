import { useMemo, useState } from "react";
import { TEMPLATE_CATEGORIES, TEMPLATES, type Template } from "../../shared/templates";
import { t } from "../i18n";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { FormActions } from "../ui/FormActions";
import { SearchField } from "../ui/SearchField";
import { KindIcon, kindLabel } from "./kinds";

/** "New flow from template": complete flows a person starts from and adjusts. */
export function TemplateGallery({
  onClose,
  onUse,
}: {
  onClose: () => void;
  onUse: (template: Template, name: string) => Promise<void>;
}) {
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Template>();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return TEMPLATES.filter(
      (tpl) => !needle || `${tpl.title} ${tpl.description}`.toLowerCase().includes(needle),
    );
  }, [query]);

  if (chosen) {
    return (
      <Dialog title={t("templates.nameTitle")} onClose={onClose} initialFocus="#template-flow-name">
        <form
          className="form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!name.trim()) {
              setError(t("create.nameRequired"));
              return;
            }
            setBusy(true);
            try {
              await onUse(chosen, name.trim());
            } catch (cause) {
              setError(describeError(cause));
              setBusy(false);
            }
          }}
        >
          <p className="muted">{chosen.description}</p>
          <label className="field">
            <span className="field-label">{t("create.nameLabel")}</span>
            <input
              id="template-flow-name"
              className="input"
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <FormActions
            error={error}
            submitLabel={t("templates.use")}
            busy={busy}
            onCancel={() => setChosen(undefined)}
            cancelLabel={t("common.back")}
          />
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog title={t("templates.title")} onClose={onClose} size="wide" initialFocus="#template-search">
      <SearchField
        id="template-search"
        inputClassName="template-search"
        label={t("templates.search")}
        value={query}
        onChange={setQuery}
      />
      <div className="template-scroll">
        {TEMPLATE_CATEGORIES.map((category) => {
          const items = visible.filter((tpl) => tpl.category === category);
          if (items.length === 0) return null;
          return (
            <section key={category} className="template-group">
              <h3>{category}</h3>
              <ul className="template-grid" aria-label={category}>
                {items.map((tpl) => (
                  <li key={tpl.id}>
                    <button
                      type="button"
                      className="template-card"
                      data-testid="template-card"
                      onClick={() => {
                        setChosen(tpl);
                        setName(tpl.title);
                      }}
                    >
                      <span className={`kind-badge kind-${tpl.kind}`}>
                        <KindIcon kind={tpl.kind} size={13} />
                        {kindLabel(tpl.kind)}
                      </span>
                      <span className="template-title">{tpl.title}</span>
                      <span className="template-description">{tpl.description}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {visible.length === 0 && <p className="muted">{t("templates.noMatch", { query })}</p>}
      </div>
    </Dialog>
  );
}
