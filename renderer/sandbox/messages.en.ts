// English strings of the sandbox pages; merged into the one catalogue in i18n/en.ts.
export const sandboxMessages = {
  "sandbox.title": "Sandbox",
} as const;
