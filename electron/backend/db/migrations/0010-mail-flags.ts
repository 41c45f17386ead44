import type { Migration } from "../migration";

// Outlook's flag on an email, in the sandbox's mailboxes and their snapshots: flagging one in the
// sandbox starts the flows whose trigger is "When an email is flagged".
export const mailFlagsMigration: Migration = {
  version: 10,
  name: "sandbox: emails can be flagged",
  up(db) {
    db.exec(`
      ALTER TABLE sb_mail ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sb_snap_mail ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
