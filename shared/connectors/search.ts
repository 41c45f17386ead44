// Palette search: every word typed must match the operation's name, its connector, its keywords or
// its description; matches on names rank first. Case and accents are ignored.
import { CONNECTORS, type PaletteOptions, paletteOperations } from "./catalog";
import type { ConnectorDeclaration, OperationDeclaration } from "./types";

export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text: string): string[] {
  return normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

export interface SearchHit {
  connector: ConnectorDeclaration;
  operation: OperationDeclaration;
  score: number;
}

function tokenScore(token: string, connector: ConnectorDeclaration, operation: OperationDeclaration): number {
  let score = 0;
  const nameWords = words(operation.displayName);
  if (nameWords.some((word) => word.startsWith(token))) score += 10;
  else if (normalizeForSearch(operation.displayName).includes(token)) score += 6;
  if (words(connector.displayName).some((word) => word.startsWith(token))) score += 8;
  if (operation.keywords?.some((keyword) => normalizeForSearch(keyword).includes(token))) score += 4;
  if (normalizeForSearch(operation.description).includes(token)) score += 2;
  if (normalizeForSearch(operation.operationId).includes(token)) score += 1;
  return score;
}

/** Operations matching the query, best first; an empty query lists them all in palette order. */
export function searchOperations(query: string, options: PaletteOptions = {}): SearchHit[] {
  const tokens = words(query);
  const phrase = normalizeForSearch(query.trim());
  const hits: SearchHit[] = [];
  let order = 0;
  const position = new Map<OperationDeclaration, number>();
  for (const connector of CONNECTORS) {
    for (const operation of paletteOperations(connector, options)) {
      position.set(operation, order++);
      let score = 0;
      let all = true;
      for (const token of tokens) {
        const s = tokenScore(token, connector, operation);
        if (s === 0) {
          all = false;
          break;
        }
        score += s;
      }
      if (!all) continue;
      if (phrase !== "" && normalizeForSearch(operation.displayName).includes(phrase)) score += 5;
      hits.push({ connector, operation, score });
    }
  }
  return hits.sort(
    (a, b) => b.score - a.score || (position.get(a.operation) ?? 0) - (position.get(b.operation) ?? 0),
  );
}
