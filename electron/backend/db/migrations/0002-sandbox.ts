import type { Migration } from "../migration";

// The world tables as they were at version 2 (listed here, not imported from sandbox/snapshots.ts:
// a migration stays as it shipped while that list may grow). Each gets a twin
// sb_snap_<name> with a leading snapshot_name column; a later migration that adds a column to a
// world table must add it to the twin as well.
const WORLD_TABLES = [
  "sb_records",
  "sb_number_series",
  "sb_people",
  "sb_groups",
  "sb_bc_requests",
  "sb_workflows",
  "sb_approvals",
  "sb_approval_responses",
  "sb_mail",
  "sb_teams",
  "sb_channels",
  "sb_chats",
  "sb_messages",
  "sb_workbooks",
  "sb_excel_tables",
  "sb_excel_rows",
  "sb_notifications",
] as const;

export const sandboxMigration: Migration = {
  version: 2,
  name: "sandbox: the demo company's world, faults and snapshots",
  up(db) {
    db.exec(`
      -- Settings of the sandbox itself (seeded flag, the connections' user); not world state.
      CREATE TABLE sb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- Business Central records of every table, the record as JSON in data.
      CREATE TABLE sb_records (
        tbl         TEXT NOT NULL,
        id          TEXT NOT NULL,
        number      TEXT NOT NULL DEFAULT '',
        seq         INTEGER NOT NULL,
        data        TEXT NOT NULL,
        modified_at INTEGER NOT NULL,
        PRIMARY KEY (tbl, id)
      ) STRICT;
      CREATE INDEX sb_records_by_seq ON sb_records (tbl, seq);
      CREATE INDEX sb_records_by_number ON sb_records (tbl, number);

      CREATE TABLE sb_number_series (
        tbl    TEXT PRIMARY KEY,
        prefix TEXT NOT NULL,
        next   INTEGER NOT NULL,
        step   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sb_people (
        email          TEXT PRIMARY KEY COLLATE NOCASE,
        id             TEXT NOT NULL UNIQUE,
        seq            INTEGER NOT NULL,
        display_name   TEXT NOT NULL,
        given_name     TEXT NOT NULL,
        surname        TEXT NOT NULL,
        job_title      TEXT NOT NULL,
        department     TEXT NOT NULL,
        manager_email  TEXT COLLATE NOCASE,
        purchase_limit REAL,
        sales_limit    REAL,
        unlimited      INTEGER NOT NULL DEFAULT 0,
        salesperson_code TEXT NOT NULL DEFAULT '',
        purchaser_code   TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- Distribution lists: mail to the group lands in each member's mailbox.
      CREATE TABLE sb_groups (
        email        TEXT PRIMARY KEY COLLATE NOCASE,
        display_name TEXT NOT NULL,
        members      TEXT NOT NULL
      ) STRICT;

      -- Business Central's own approval requests ("Workflow Step Id"), one per send for approval.
      CREATE TABLE sb_bc_requests (
        id            TEXT PRIMARY KEY,
        seq           INTEGER NOT NULL,
        tbl           TEXT NOT NULL,
        record_id     TEXT NOT NULL,
        record_number TEXT NOT NULL,
        event_kind    TEXT NOT NULL,
        requested_by  TEXT NOT NULL,
        status        TEXT NOT NULL,
        workflow_id   TEXT,
        approval_id   TEXT,
        created_at    INTEGER NOT NULL,
        completed_at  INTEGER
      ) STRICT;
      CREATE INDEX sb_bc_requests_by_record ON sb_bc_requests (tbl, record_id);

      -- Built-in approval workflows of the demo company.
      CREATE TABLE sb_workflows (
        id          TEXT PRIMARY KEY,
        seq         INTEGER NOT NULL,
        name        TEXT NOT NULL,
        description TEXT NOT NULL,
        event_kind  TEXT NOT NULL,
        tables      TEXT NOT NULL,
        enabled     INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sb_approvals (
        id                    TEXT PRIMARY KEY,
        seq                   INTEGER NOT NULL,
        type                  TEXT NOT NULL,
        title                 TEXT NOT NULL,
        details               TEXT NOT NULL,
        item_link             TEXT NOT NULL,
        item_link_description TEXT NOT NULL,
        requestor             TEXT NOT NULL,
        assigned_to           TEXT NOT NULL,
        response_options      TEXT NOT NULL,
        status                TEXT NOT NULL,
        outcome               TEXT,
        origin                TEXT NOT NULL,
        bc_request_id         TEXT,
        created_at            INTEGER NOT NULL,
        completed_at          INTEGER
      ) STRICT;
      CREATE INDEX sb_approvals_by_status ON sb_approvals (status, seq);

      CREATE TABLE sb_approval_responses (
        approval_id    TEXT NOT NULL,
        approver_email TEXT NOT NULL COLLATE NOCASE,
        seq            INTEGER NOT NULL,
        approver_name  TEXT NOT NULL,
        response       TEXT NOT NULL,
        comments       TEXT NOT NULL,
        responded_at   INTEGER NOT NULL,
        PRIMARY KEY (approval_id, approver_email)
      ) STRICT;

      -- Steps waiting for a person: the token the engine waits on, and what it waits for. They mirror
      -- the engine's waits, so reset and snapshots leave them alone.
      CREATE TABLE sb_waiters (
        token      TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('approval', 'card')),
        target_id  TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sb_waiters_by_target ON sb_waiters (kind, target_id);

      -- One row per copy of a message: each recipient's inbox, the sender's sent items.
      CREATE TABLE sb_mail (
        id             TEXT PRIMARY KEY,
        seq            INTEGER NOT NULL,
        message_id     TEXT NOT NULL,
        mailbox        TEXT NOT NULL COLLATE NOCASE,
        folder         TEXT NOT NULL,
        from_address   TEXT NOT NULL,
        to_recipients  TEXT NOT NULL,
        cc_recipients  TEXT NOT NULL,
        bcc_recipients TEXT NOT NULL,
        subject        TEXT NOT NULL,
        body           TEXT NOT NULL,
        importance     TEXT NOT NULL,
        attachments    TEXT NOT NULL,
        sent_at        INTEGER NOT NULL,
        is_read        INTEGER NOT NULL DEFAULT 0,
        origin         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sb_mail_by_mailbox ON sb_mail (mailbox, folder, seq);

      CREATE TABLE sb_teams (
        id           TEXT PRIMARY KEY,
        seq          INTEGER NOT NULL,
        display_name TEXT NOT NULL,
        description  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sb_channels (
        id           TEXT PRIMARY KEY,
        seq          INTEGER NOT NULL,
        team_id      TEXT NOT NULL,
        display_name TEXT NOT NULL,
        description  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sb_chats (
        id      TEXT PRIMARY KEY,
        seq     INTEGER NOT NULL,
        kind    TEXT NOT NULL CHECK (kind IN ('group', 'bot')),
        topic   TEXT NOT NULL,
        members TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sb_messages (
        id             TEXT PRIMARY KEY,
        seq            INTEGER NOT NULL,
        channel_id     TEXT,
        chat_id        TEXT,
        poster         TEXT NOT NULL,
        sender         TEXT NOT NULL,
        body           TEXT NOT NULL,
        card           TEXT,
        card_state     TEXT NOT NULL CHECK (card_state IN ('none', 'posted', 'waiting', 'answered')),
        update_message TEXT NOT NULL DEFAULT '',
        response       TEXT,
        created_at     INTEGER NOT NULL,
        responded_at   INTEGER,
        origin         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sb_messages_by_channel ON sb_messages (channel_id, seq);
      CREATE INDEX sb_messages_by_chat ON sb_messages (chat_id, seq);

      CREATE TABLE sb_workbooks (
        id    TEXT PRIMARY KEY,
        seq   INTEGER NOT NULL,
        drive TEXT NOT NULL,
        path  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sb_excel_tables (
        id          TEXT PRIMARY KEY,
        seq         INTEGER NOT NULL,
        workbook_id TEXT NOT NULL,
        name        TEXT NOT NULL,
        columns     TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sb_excel_rows (
        id         TEXT PRIMARY KEY,
        seq        INTEGER NOT NULL,
        table_id   TEXT NOT NULL,
        data       TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sb_excel_rows_by_table ON sb_excel_rows (table_id, seq);

      CREATE TABLE sb_notifications (
        id         TEXT PRIMARY KEY,
        seq        INTEGER NOT NULL,
        recipient  TEXT NOT NULL COLLATE NOCASE,
        text       TEXT NOT NULL,
        link_uri   TEXT NOT NULL,
        link_label TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        is_read    INTEGER NOT NULL DEFAULT 0,
        origin     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sb_notifications_by_recipient ON sb_notifications (recipient, seq);

      -- Injected faults: test settings, neither reset nor snapshotted with the world.
      CREATE TABLE sb_faults (
        id             TEXT PRIMARY KEY,
        seq            INTEGER NOT NULL,
        connector_id   TEXT NOT NULL,
        operation_id   TEXT,
        mode           TEXT NOT NULL CHECK (mode IN ('fail', 'slow')),
        status_code    INTEGER,
        retry_after_ms INTEGER,
        delay_ms       INTEGER,
        remaining      INTEGER,
        created_at     INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sb_snapshots (
        name       TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
    for (const table of WORLD_TABLES) {
      const twin = table.replace(/^sb_/, "sb_snap_");
      db.exec(`CREATE TABLE ${twin} AS SELECT CAST(NULL AS TEXT) AS snapshot_name, * FROM ${table} WHERE 0`);
      db.exec(`CREATE INDEX ${twin}_by_name ON ${twin} (snapshot_name)`);
    }
  },
};
