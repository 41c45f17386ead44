// Every English string of the renderer. Add a key here (or in a feature's messages.en.ts, merged
// below), then call t("key"). {name} placeholders are filled from params; { one, other } entries
// pick by params.count.
import { designerMessages } from "../designer/messages.en";
import { runsMessages } from "../runs/messages.en";
import { sandboxMessages } from "../sandbox/messages.en";
import { workflowsMessages } from "../workflows/messages.en";

export const en = {
  ...sandboxMessages,
  ...runsMessages,
  ...workflowsMessages,
  ...designerMessages,
  "app.name": "Flowsmith",
  "app.tagline": "Approval and notification flows",
  "nav.myFlows": "My flows",
  "nav.workflows": "Workflow list",
  "nav.sandbox": "Sandbox",
  "nav.runs": "Runs",
  "nav.settings": "Settings",
  "nav.main": "Main navigation",
  "theme.toggle": "Toggle dark mode",
  "theme.toLight": "Switch to light mode",
  "theme.toDark": "Switch to dark mode",
  "mode.web": "Web mode",
  "connection.lost.title": "Flowsmith is not answering",
  "connection.lost.message":
    "What you saved is safe, and unsaved changes stay on this page while it tries again. If you stopped Flowsmith, start it again (npm start) and open the address it prints.",
  "mode.webHint": "Flowsmith is running in your browser, served on this computer only.",

  "common.cancel": "Cancel",
  "common.close": "Close",
  "common.save": "Save",
  "common.create": "Create",
  "common.delete": "Delete",
  "common.rename": "Rename",
  "common.open": "Open",
  "common.duplicate": "Duplicate",
  "common.restore": "Restore",
  "common.reload": "Reload",
  "common.dismiss": "Dismiss",
  "common.more": "More actions",
  "common.loading": "Loading…",
  "common.retry": "Try again",
  "common.search": "Search",
  "common.back": "Back",
  "common.name": "Name",
  "common.undo": "Undo",

  "time.justNow": "just now",
  "time.minutesAgo": { one: "{count} minute ago", other: "{count} minutes ago" },
  "time.hoursAgo": { one: "{count} hour ago", other: "{count} hours ago" },
  "time.daysAgo": { one: "{count} day ago", other: "{count} days ago" },

  "kind.automated": "Automated",
  "kind.scheduled": "Scheduled",
  "kind.instant": "Instant",
  "kind.automated.description":
    "Starts when something happens: a record is created, changed or deleted, or an approval is requested.",
  "kind.scheduled.description":
    "Runs on a schedule you choose: every Monday at 8:00, every hour, on the first of the month.",
  "kind.instant.description":
    "Someone starts it from a page's Automate menu, after filling in a Run flow form.",

  "flows.title": "My flows",
  "flows.new": "New flow",
  "flows.searchPlaceholder": "Search flows",
  "flows.count": { one: "{count} flow", other: "{count} flows" },
  "flows.column.name": "Name",
  "flows.column.kind": "Type",
  "flows.column.trigger": "Starts",
  "flows.column.modified": "Modified",
  "flows.empty.title": "No flows yet",
  "flows.empty.body":
    "A flow starts from a trigger (an event, a schedule or a button) and runs its steps: ask for an approval, update a record, send an email. Create your first one to begin.",
  "flows.empty.action": "Create your first flow",
  "flows.noMatch": "No flow matches “{query}”.",
  "flows.loadFailed": "Your flows could not be loaded: {message}",
  "flows.recycleBin": "Recycle bin",
  "flows.recycleBin.count": { one: "Recycle bin ({count})", other: "Recycle bin ({count})" },
  "flows.recycleBin.title": "Recycle bin",
  "flows.recycleBin.body":
    "Deleted flows are kept for 30 days. Restore one to get it back exactly as it was.",
  "flows.recycleBin.empty": "The recycle bin is empty.",
  "flows.recycleBin.deleted": "Deleted {when}",
  "flows.recycleBin.purge": "removed for good on {date}",
  "flows.deleted": "“{name}” was moved to the recycle bin.",
  "flows.restored": "“{name}” was restored.",
  "flows.duplicated": "“{name}” was created.",
  "flows.renamed": "Renamed to “{name}”.",
  "flows.import": "Import",
  "flows.imported": "“{name}” was imported.",
  "flows.export": "Export",

  "create.title": "New flow",
  "create.nameLabel": "Flow name",
  "create.namePlaceholder": "For example: Approve large purchase invoices",
  "create.kindLabel": "How does it start?",
  "create.submit": "Create",
  "create.nameRequired": "Give the flow a name.",

  "templates.open": "From a template",
  "templates.title": "New flow from a template",
  "templates.search": "Search templates",
  "templates.noMatch": "No template matches “{query}”.",
  "templates.nameTitle": "Name your flow",
  "templates.use": "Create flow",

  "rename.title": "Rename flow",
  "rename.label": "New name",
  "delete.title": "Delete “{name}”?",
  "delete.body": "It moves to the recycle bin, where you can restore it for 30 days.",
  "delete.confirm": "Move to recycle bin",

  "error.conflict.title": "This flow changed elsewhere",
  "error.conflict.body":
    "Someone (perhaps you, in another window) saved a newer version of this flow. Reload to see it; your change was not saved.",
  "error.notFound": "This flow no longer exists. It may have been deleted in another window.",
  "error.generic": "Something went wrong: {message}",

  "palette.title": "Add a step",
  "palette.hide": "Hide the step list",
  "palette.show": "Show the step list",
  "palette.hint": "Drag a step onto a + on the canvas, or click one to add it after the selected step.",
  "palette.search": "Search steps and connectors",
  "palette.noMatch": "No step matches “{query}”.",
  "palette.results": "Matching steps",
  "palette.pickTitle": "Choose a step",

  "trigger.recurrence": "Recurrence",
  "trigger.manual": "Manually trigger a flow",
  "trigger.connector": "When an event happens",

  "about.title": "About Flowsmith",
  "about.version": "Version {version}",
  "about.body": "A desktop designer for approval and notification flows, with a local connector sandbox.",
  "about.dataDir": "Data folder",
  "about.mode": "Running as",
  "about.mode.electron": "desktop app",
  "about.mode.web": "web mode (127.0.0.1)",

  "notice.title": "Notice",
} as const;

export type MessageKey = keyof typeof en;
