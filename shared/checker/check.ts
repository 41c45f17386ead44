// checkFlow: one analysis of the definition, every rule over it, the findings in order.
import type { WdlDefinition } from "../flow";
import { analyze } from "./analysis";
import { collector } from "./report";
import { RULES } from "./rules";
import type { CheckOptions, CheckResult } from "./types";

export function checkFlow(definition: WdlDefinition, options: CheckOptions = {}): CheckResult {
  const analysis = analyze(definition, options);
  const { report, result } = collector(analysis);
  for (const rule of RULES) rule(analysis, report);
  return result();
}
