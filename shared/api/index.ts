export * from "./app";
export * from "./bridge";
export * from "./contract";
export * from "./envelope";
export * from "./errors";
export * from "./flows";
export * from "./names";
export * from "./settings";
