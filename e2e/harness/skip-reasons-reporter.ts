// Prints why tests were skipped (e.g. "Electron cannot start here: …"), which the list reporter
// does not, so that a skipped Electron project is never silent.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== "skipped") return;
    const reason = test.annotations.find((a) => a.type === "skip")?.description ?? "no reason given";
    const key = `[${test.parent.project()?.name ?? "?"}] ${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }

  onEnd(): void {
    if (this.reasons.size === 0) return;
    console.log("\nSkipped:");
    for (const [reason, count] of this.reasons) console.log(`  ${count} × ${reason}`);
  }
}
