// English strings of test runs and the Runs page; merged into the one catalogue in i18n/en.ts.
export const runsMessages = {
  "runs.title": "Runs",
} as const;
