// Publishing and the workflow list: versions, the trigger registry, the Automate menu, the
// connector policy, export and import. See README.md.

export { Publisher, type PublisherOptions, type StartReport } from "./publisher";
export { MISSED_COUNT_CAP } from "./schedules";
export { MAX_IMPORT_CHARS } from "./transfer";
export type * from "./types";
export { DEFAULT_LIMIT, MAX_LIMIT } from "./workflow-list";
