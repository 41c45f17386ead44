// A rule: a pure function over the shared analysis that reports what it finds.
import type { Analysis } from "../analysis";
import type { Report } from "../report";

export type Rule = (analysis: Analysis, report: Report) => void;
