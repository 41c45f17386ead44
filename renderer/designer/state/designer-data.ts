// Designer-only data, kept beside the definition (never inside actions, so exports stay clean):
// sticky notes and collapsed scopes.
import { z } from "zod";

export const noteSchema = z.object({
  id: z.string(),
  text: z.string().max(2000),
  x: z.number(),
  y: z.number(),
  color: z.enum(["yellow", "blue", "green", "pink"]).default("yellow"),
});
export type StickyNote = z.infer<typeof noteSchema>;

export const designerDataSchema = z.object({
  notes: z.array(noteSchema).default([]),
  collapsed: z.array(z.string()).default([]),
});
export type DesignerData = z.infer<typeof designerDataSchema>;

/** Reads whatever was saved; anything unreadable falls back to empty rather than failing the open. */
export function readDesignerData(raw: unknown): DesignerData {
  const parsed = designerDataSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { notes: [], collapsed: [] };
}
