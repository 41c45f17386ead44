import { type MessageKey, t } from "../i18n";
import { Dialog } from "../ui/Dialog";

/** Keys as the person presses them: "Ctrl" is "⌘" on a Mac. */
const MOD = typeof navigator !== "undefined" && /Mac/i.test(navigator.platform) ? "⌘" : "Ctrl";

const GROUPS: { title: MessageKey; keys: [string[], MessageKey][] }[] = [
  {
    title: "shortcuts.everywhere",
    keys: [
      [[MOD, "N"], "shortcuts.newFlow"],
      [[MOD, "Shift", "D"], "shortcuts.darkMode"],
      [["?"], "shortcuts.this"],
    ],
  },
  {
    title: "shortcuts.designer",
    keys: [
      [["↑", "↓", "←", "→"], "shortcuts.move"],
      [["Enter"], "shortcuts.open"],
      [["Esc"], "shortcuts.close"],
      [[MOD, "S"], "shortcuts.save"],
      [[MOD, "Z"], "shortcuts.undo"],
      [[MOD, "Shift", "Z"], "shortcuts.redo"],
      [[MOD, "C"], "shortcuts.copy"],
      [[MOD, "X"], "shortcuts.cut"],
      [[MOD, "V"], "shortcuts.paste"],
      [[MOD, "D"], "shortcuts.duplicate"],
      [["Alt", "↑", "↓"], "shortcuts.nudge"],
      [[MOD, "Click"], "shortcuts.selectSeveral"],
      [["Shift", "Drag"], "shortcuts.selectBox"],
      [[MOD, "A"], "shortcuts.selectAll"],
      [["Delete"], "shortcuts.delete"],
      [["F2"], "shortcuts.rename"],
      [["Shift", "F10"], "shortcuts.menu"],
      [[MOD, "F"], "shortcuts.find"],
      [["F3"], "shortcuts.findNext"],
    ],
  },
];

/** Every keyboard shortcut, from Help → Keyboard shortcuts, "?" or Ctrl+/. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title={t("shortcuts.title")} onClose={onClose}>
      {GROUPS.map((group) => (
        <section key={group.title} className="shortcuts">
          <h3>{t(group.title)}</h3>
          <dl className="facts">
            {group.keys.map(([keys, label]) => (
              <div key={label} className="shortcut">
                <dt>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {/* Keys pressed together join with +; arrows side by side are alternatives. */}
                      {i > 0 && (isArrow(key) && isArrow(keys[i - 1] ?? "") ? " " : "+")}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{t(label)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}

function isArrow(key: string): boolean {
  return key === "↑" || key === "↓" || key === "←" || key === "→";
}
