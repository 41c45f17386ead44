// Designer-only data, kept beside the definition (never inside actions, so exports stay clean):
// sticky notes and collapsed scopes.
import { z } from "zod";

export const noteSchema = z.object({
  id: z.string(),
  text: z.string().max(2000),
  x: z.number().finite(),
  y: z.number().finite(),
  color: z.enum(["yellow", "blue", "green", "pink"]).default("yellow"),
});
export type StickyNote = z.infer<typeof noteSchema>;

export const designerDataSchema = z.object({
  notes: z.array(noteSchema).default([]),
  collapsed: z.array(z.string()).default([]),
});
export type DesignerData = z.infer<typeof designerDataSchema>;

/**
 * Reads whatever was saved, item by item: a note that cannot be read (no position, say) is left
 * out and the others kept, so one bad note never takes the rest with it.
 */
export function readDesignerData(raw: unknown): DesignerData {
  const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const notes: StickyNote[] = [];
  for (const item of list(record.notes)) {
    const note = noteSchema.safeParse(item);
    if (note.success) notes.push(note.data);
  }
  const collapsed = list(record.collapsed).filter((name): name is string => typeof name === "string");
  return { notes, collapsed };
}
