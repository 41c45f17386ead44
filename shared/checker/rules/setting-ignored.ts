// Settings of Power Automate that Flowsmith's engine does not apply, found in imported flows: the
// flow runs here, but not quite as it would there, and the person should know before testing.
import { isJsonObject } from "../../json";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const settingIgnored: Rule = (analysis, report) => {
  for (const trigger of analysis.triggers) {
    const config = trigger.object.runtimeConfiguration;
    const concurrency = isJsonObject(config) ? config.concurrency : undefined;
    const runs = isJsonObject(concurrency) ? concurrency.runs : undefined;
    if (typeof runs !== "number") continue;
    report({
      rule: "setting-ignored",
      step: trigger,
      field: "runtimeConfiguration/concurrency/runs",
      message: `${stepLabel(trigger)} allows ${runs} run${runs === 1 ? "" : "s"} at once (concurrency control); Flowsmith starts every run when its trigger fires, without a queue.`,
    });
  }
  for (const action of analysis.actions) {
    const config = action.object.runtimeConfiguration;
    if (!isJsonObject(config) || config.staticResult === undefined) continue;
    report({
      rule: "setting-ignored",
      step: action,
      field: "runtimeConfiguration/staticResult",
      message: `${stepLabel(action)} has a static result (mocked outputs for testing in Power Automate); Flowsmith runs the step against the sandbox instead.`,
    });
  }
};
