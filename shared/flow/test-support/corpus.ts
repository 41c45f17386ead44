// Corpus definitions for the tests of shared/flow.
import { corpusFile, corpusFiles } from "../../../fixtures/corpus";
import type { FlowDocument } from "../document";
import { readFlowFile } from "../read";
import type { WdlDefinition } from "../types";

export function readCorpus(name: string): FlowDocument {
  const result = readFlowFile(corpusFile(name).text);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.document;
}

export function corpusDefinition(name: string): WdlDefinition {
  return readCorpus(name).definition;
}

/** Deep-frozen copy so that a test fails loudly if an edit modifies its input. */
export function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown): void => {
    if (v && typeof v === "object") {
      Object.freeze(v);
      for (const child of Object.values(v)) freeze(child);
    }
  };
  freeze(copy);
  return copy;
}

export { corpusFiles };
