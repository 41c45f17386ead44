// Settings of Power Automate that Flowsmith's engine does not apply, found in imported flows: the
// flow runs here, but not quite as it would there, and the person should know before testing.
import { isJsonObject } from "../../json";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const settingIgnored: Rule = (analysis, report) => {
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
