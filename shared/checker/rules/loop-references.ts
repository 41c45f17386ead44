// items('Loop') and iterationIndexes('Loop') read the current repetition of a loop around the
// step; item() that of the nearest Apply to each, or the item a Select / Filter array / Join /
// table step is working on. Anywhere else they have no value.
import type { Step } from "../analysis";
import { fieldAt } from "../fields";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

const OWN_ITEM_TYPES = new Set(["Select", "Query", "Join", "Table"]);

export const loopReferences: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    // The loops around the step; a loop's own fields (its list, its limits) are outside it.
    const around = step.chain.slice(0, -1).map((i) => analysis.actions[i] as Step);
    for (const expression of step.expressions) {
      const { references } = expression.analysis;
      const usesItem = references.functions.includes("item");
      if (references.loops.length === 0 && !usesItem) continue;
      const { field, title } = fieldAt(step, expression.path);
      const where = { step, field, path: expression.path };
      for (const name of references.loops) {
        const loop = analysis.byName.get(name.toLowerCase());
        if (!loop) {
          report({
            rule: "unknown-action-reference",
            ...where,
            detail: name,
            message: `${stepLabel(step)} uses the current item of the loop ${stepLabel(name)}, which does not exist.`,
          });
        } else if (
          !around.some((s) => s.index === loop.index && (s.type === "Foreach" || s.type === "Until"))
        ) {
          report({
            rule: "item-outside-loop",
            ...where,
            detail: loop.name,
            related: [loop.nodeId],
            message: `${stepLabel(step)} uses the current item of ${stepLabel(loop)}, but it is not inside that loop.`,
          });
        }
      }
      if (usesItem && !OWN_ITEM_TYPES.has(step.type) && !around.some((s) => s.type === "Foreach")) {
        report({
          rule: "item-outside-loop",
          ...where,
          detail: "item()",
          message: `The expression in ${title} uses item(), which only has a value inside an Apply to each loop or in Select and Filter array.`,
        });
      }
    }
  }
};
