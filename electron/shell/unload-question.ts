// The question asked when the window is closed (or reloaded) while the page still holds work not
// saved (a draft being saved, a record card's edits): the page asks through beforeunload, and
// Electron, which shows nothing of its own, would otherwise just keep the window open.
import type { MessageBoxSyncOptions } from "electron";

/** Button 0 leaves; Stay is the default and what Escape answers. */
export const UNLOAD_QUESTION: MessageBoxSyncOptions = {
  type: "question",
  title: "Flowsmith",
  message: "Some changes are not saved yet.",
  detail: "If you leave now, they are lost. Stay to save them first.",
  buttons: ["Leave without saving", "Stay"],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/** Whether the answer to UNLOAD_QUESTION lets the page go. */
export function leavesPage(answer: number): boolean {
  return answer === 0;
}
