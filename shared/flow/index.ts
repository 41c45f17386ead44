// The flow document: WDL types and schemas, reading and writing flow files, the graph view, edits.

export * from "./action-types";
export * from "./branches";
export * from "./connector-ref";
export * from "./document";
export * from "./edits/delete";
export * from "./edits/errors";
export * from "./edits/insert";
export * from "./edits/insertion-points";
export * from "./edits/move";
export * from "./edits/parallel";
export * from "./edits/switch-cases";
export * from "./edits/trigger";
export * from "./edits/update";
export * from "./edits/wrap";
export * from "./flow-kind";
export * from "./graph";
export * from "./json-path";
export * from "./names";
export * from "./node-ids";
export { readFlowFile, readFlowValue } from "./read";
export * from "./schema";
export * from "./status";
export * from "./types";
export * from "./validate";
export * from "./walk";
export * from "./write";
