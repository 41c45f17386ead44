// The pure core's figures (issue 3): parse + check of the 1,000-action StressTest1000 (goal: median
// under 20 ms), expression evaluation throughput of a typical "@{…}" with three dereferences, and
// the comparison of two versions of StressTest1000 that differ in one step (what the designer runs
// after a pause in editing, to say whether the draft has unpublished changes).

import { corpusFile } from "../fixtures/corpus";
import { checkFlow } from "../shared/checker";
import { compileCached, type EvaluationContext, evaluate } from "../shared/expr";
import { diffDefinitions, readFlowFile, setActionInputs } from "../shared/flow";
import { median, round } from "./stats";

export async function benchCore(rounds = 200): Promise<Record<string, number | string>> {
  const text = corpusFile("logicapps/StressTest1000.json").text;
  const parseAndCheck: number[] = [];
  const parseOnly: number[] = [];
  for (let i = 0; i < rounds + 20; i++) {
    const t0 = performance.now();
    const read = readFlowFile(text);
    const t1 = performance.now();
    if (!read.ok) throw new Error(read.error.message);
    checkFlow(read.document.definition);
    const t2 = performance.now();
    if (i >= 20) {
      parseOnly.push(t1 - t0);
      parseAndCheck.push(t2 - t0);
    }
  }

  const template =
    "Invoice @{triggerBody()?['document']?['number']} for @{outputs('Get_vendor')?['body/displayName']} is @{variables('status')}";
  const context: EvaluationContext = {
    trigger: () => ({ outputs: { body: { document: { number: "PI-1001" } } } }),
    actionResult: () => ({ outputs: { body: { displayName: "Birch Logistics Co." } } }),
    variable: () => "Pending",
  };
  const compiled = compileCached(template);
  const perSecond: number[] = [];
  for (let round_ = 0; round_ < 5; round_++) {
    const n = 100_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) evaluate(compiled, context);
    perSecond.push((n / (performance.now() - t0)) * 1000);
  }
  const read = readFlowFile(text);
  if (!read.ok) throw new Error(read.error.message);
  const older = read.document.definition;
  const names = Object.keys(older.actions ?? {});
  const newer = setActionInputs(older, {
    name: names[Math.floor(names.length / 2)] ?? "",
    inputs: "changed",
  });
  const compare: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const diff = diffDefinitions(older, newer);
    if (i >= 10) compare.push(performance.now() - t0);
    if (diff.steps.length !== 1) throw new Error(`${diff.steps.length} changes found, 1 expected`);
  }
  return {
    stressTest1000CompareVersionsMedianMs: round(median(compare)),
    stressTest1000ParseAndCheckMedianMs: round(median(parseAndCheck)),
    stressTest1000ParseMedianMs: round(median(parseOnly)),
    stressTest1000Goal: "parse + check median under 20 ms",
    expressionEvaluationsPerSecond: Math.round(median(perSecond)),
    expressionTemplate: template,
  };
}
