// Approval requests assigned to people: created by the Approvals connector (or a built-in
// workflow), answered from the approvals inbox. The answer that completes a request signals every
// step waiting on it, in the same transaction that records the answer.
import type { Database } from "better-sqlite3";
import type { JsonObject } from "../../../shared/json";
import { BASIC_RESPONSES, canonicalResponse, completion, isCustom } from "./approval-rules";
import { badRequest, conflict, forbidden, notFound } from "./errors";
import type { Mail } from "./mail";
import type { Directory } from "./people";
import { FLOW_SENDER } from "./seed/people";
import type {
  Approval,
  ApprovalResponse,
  ApprovalStatus,
  ApprovalType,
  Origin,
  Page,
  PageOptions,
} from "./types";
import { iso, isoOrNull, newestFirst, nextSeq, parseJson, prepared, type World } from "./world";

export interface NewApproval {
  type: ApprovalType;
  title: string;
  details?: string;
  itemLink?: string;
  itemLinkDescription?: string;
  requestor?: string;
  /** People or groups; a group stands for each of its members. */
  assignedTo: readonly string[];
  /** Custom types only. */
  responseOptions?: readonly string[];
  enableNotifications?: boolean;
  origin: Origin;
  bcRequestId?: string;
}

interface ApprovalRow {
  id: string;
  type: string;
  title: string;
  details: string;
  item_link: string;
  item_link_description: string;
  requestor: string;
  assigned_to: string;
  response_options: string;
  status: string;
  outcome: string | null;
  origin: string;
  bc_request_id: string | null;
  created_at: number;
  completed_at: number | null;
}

interface ResponseRow {
  approver_email: string;
  approver_name: string;
  response: string;
  comments: string;
  responded_at: number;
}

export interface ApprovalListOptions extends PageOptions {
  assignedTo?: string;
  requestor?: string;
  status?: ApprovalStatus;
  /**
   * With assignedTo: only the requests that person has answered (true) or not answered yet (false).
   * An "everyone must approve" request someone answered leaves their inbox for their history.
   */
  answered?: boolean;
  outsideCompany?: boolean;
}

export class Approvals {
  private readonly db: Database;
  /** Called inside the completing transaction (a built-in workflow approves its BC request). */
  onCompleted: ((approval: Approval) => void) | undefined;

  constructor(
    private readonly world: World,
    private readonly directory: Directory,
    private readonly mail: Mail,
  ) {
    this.db = world.db;
  }

  create(input: NewApproval): Approval {
    return this.world.tx(() => {
      const assignedTo = this.expand(input.assignedTo);
      if (assignedTo.length === 0) throw badRequest("An approval needs at least one approver.");
      const options = isCustom(input.type) ? [...(input.responseOptions ?? [])] : [...BASIC_RESPONSES];
      const id = this.world.newId();
      prepared(
        this.db,
        `INSERT INTO sb_approvals (id, seq, type, title, details, item_link, item_link_description, requestor,
             assigned_to, response_options, status, outcome, origin, bc_request_id, created_at, completed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Pending', NULL, ?, ?, ?, NULL)`,
      ).run(
        id,
        nextSeq(this.db, "sb_approvals"),
        input.type,
        input.title,
        input.details ?? "",
        input.itemLink ?? "",
        input.itemLinkDescription ?? "",
        input.requestor ?? "",
        JSON.stringify(assignedTo),
        JSON.stringify(options),
        JSON.stringify(input.origin),
        input.bcRequestId ?? null,
        this.world.now(),
      );
      const approval = this.get(id);
      this.world.emit({ type: "approval.created", payload: { approval } });
      if (input.enableNotifications ?? true) this.notify(approval);
      return approval;
    });
  }

  private expand(addresses: readonly string[]): string[] {
    const result: string[] = [];
    const add = (email: string) => {
      if (!result.some((r) => r.toLowerCase() === email.toLowerCase())) result.push(email);
    };
    for (const address of addresses) {
      const group = this.directory.person(address) ? undefined : this.directory.group(address);
      if (group) for (const member of group.members) add(member);
      else add(this.directory.person(address)?.email ?? address);
    }
    return result;
  }

  private notify(approval: Approval): void {
    const link = approval.itemLink
      ? `<p><a href="${approval.itemLink}">${approval.itemLinkDescription || approval.itemLink}</a></p>`
      : "";
    this.mail.send({
      from: FLOW_SENDER,
      to: approval.assignedTo,
      subject: `Approval requested: ${approval.title}`,
      body: `<p>${approval.requestor ? `${this.directory.displayName(approval.requestor)} asks` : "You are asked"} for your approval.</p><p><b>${approval.title}</b></p><p>${approval.details}</p>${link}<p>Open the Approvals inbox to respond.</p>`,
      origin: { kind: "system" },
    });
  }

  get(id: string): Approval {
    const row = prepared(this.db, "SELECT * FROM sb_approvals WHERE id = ?").get(id) as
      | ApprovalRow
      | undefined;
    if (!row) throw notFound(`There is no approval with id '${id}'.`);
    return this.toApproval(row);
  }

  find(id: string): Approval | undefined {
    const row = prepared(this.db, "SELECT * FROM sb_approvals WHERE id = ?").get(id) as
      | ApprovalRow
      | undefined;
    return row ? this.toApproval(row) : undefined;
  }

  /**
   * Newest first; by approver, requestor and status. `outsideCompany`: those still waiting on an
   * address that is not a person of the company (nobody can act as them, so the inbox never shows them).
   */
  list(options: ApprovalListOptions = {}): Page<Approval> {
    const where: string[] = [];
    const args: string[] = [];
    if (options.assignedTo) {
      where.push("EXISTS (SELECT 1 FROM json_each(assigned_to) WHERE lower(value) = lower(?))");
      args.push(options.assignedTo.trim());
      if (options.answered !== undefined) {
        // Responders' emails compare without case (the column is NOCASE).
        const answered = `EXISTS (SELECT 1 FROM sb_approval_responses AS r
          WHERE r.approval_id = sb_approvals.id AND r.approver_email = ?)`;
        where.push(options.answered ? answered : `NOT ${answered}`);
        args.push(options.assignedTo.trim());
      }
    } else if (options.answered !== undefined) {
      throw badRequest("'answered' says whether the person in 'assignedTo' answered: give 'assignedTo' too.");
    }
    if (options.requestor) {
      where.push("lower(requestor) = lower(?)");
      args.push(options.requestor.trim());
    }
    if (options.status) {
      where.push("status = ?");
      args.push(options.status);
    }
    if (options.outsideCompany) {
      // People's emails and responders' compare without case (their columns are NOCASE).
      where.push(`status = 'Pending' AND EXISTS (SELECT 1 FROM json_each(assigned_to) AS a
        WHERE NOT EXISTS (SELECT 1 FROM sb_people AS p WHERE p.email = a.value)
          AND NOT EXISTS (SELECT 1 FROM sb_approval_responses AS r
            WHERE r.approval_id = sb_approvals.id AND r.approver_email = a.value))`);
    }
    const { total, rows } = newestFirst<ApprovalRow>(this.db, "sb_approvals", where, args, options);
    return { total, items: rows.map((row) => this.toApproval(row)) };
  }

  /** Registers a step waiting for the approval's completion under a token. */
  addWaiter(approvalId: string, token: string): void {
    prepared(
      this.db,
      "INSERT OR IGNORE INTO sb_waiters (token, kind, target_id, created_at) VALUES (?, 'approval', ?, ?)",
    ).run(token, approvalId, this.world.now());
  }

  /**
   * Records a person's answer; when it completes the approval, delivers the outcome to every
   * waiting step, all in one transaction.
   */
  respond(id: string, answer: { responder: string; response: string; comments?: string }): Approval {
    return this.world.tx(() => {
      const approval = this.get(id);
      if (approval.status !== "Pending") {
        throw conflict(`The approval '${approval.title}' is ${approval.status.toLowerCase()} already.`);
      }
      const responder = approval.assignedTo.find(
        (e) => e.toLowerCase() === answer.responder.trim().toLowerCase(),
      );
      if (!responder) {
        throw forbidden(`${answer.responder} is not an approver of '${approval.title}'.`);
      }
      if (approval.responses.some((r) => r.approverEmail.toLowerCase() === responder.toLowerCase())) {
        throw conflict(`${responder} has responded to '${approval.title}' already.`);
      }
      const response = canonicalResponse(approval.responseOptions, answer.response);
      if (response === undefined) {
        throw badRequest(
          `'${answer.response}' is not a response of this approval; choose one of ${approval.responseOptions.map((o) => `'${o}'`).join(", ")}.`,
        );
      }
      const now = this.world.now();
      prepared(
        this.db,
        `INSERT INTO sb_approval_responses (approval_id, approver_email, seq, approver_name, response, comments, responded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        responder,
        approval.responses.length + 1,
        this.directory.displayName(responder),
        response,
        answer.comments ?? "",
        now,
      );
      let updated = this.get(id);
      const saved = updated.responses[updated.responses.length - 1] as ApprovalResponse;
      this.world.emit({ type: "approval.responded", payload: { approval: updated, response: saved } });
      const result = completion(updated.type, updated.assignedTo, updated.responses);
      if (result.complete) {
        prepared(
          this.db,
          "UPDATE sb_approvals SET status = 'Completed', outcome = ?, completed_at = ? WHERE id = ?",
        ).run(result.outcome, now, id);
        updated = this.get(id);
        this.world.emit({ type: "approval.completed", payload: { approval: updated } });
        this.onCompleted?.(updated);
        this.signalWaiters(updated);
      }
      return updated;
    });
  }

  /** Cancels a pending approval; steps waiting on it fail. */
  cancel(id: string): Approval {
    return this.world.tx(() => {
      const approval = this.get(id);
      if (approval.status !== "Pending") return approval;
      prepared(this.db, "UPDATE sb_approvals SET status = 'Canceled', completed_at = ? WHERE id = ?").run(
        this.world.now(),
        id,
      );
      const canceled = this.get(id);
      this.world.emit({ type: "approval.completed", payload: { approval: canceled } });
      this.signalWaiters(canceled);
      return canceled;
    });
  }

  private signalWaiters(approval: Approval): void {
    const tokens = prepared(
      this.db,
      "SELECT token FROM sb_waiters WHERE kind = 'approval' AND target_id = ? ORDER BY created_at, token",
    ).all(approval.id) as { token: string }[];
    for (const { token } of tokens) {
      if (approval.status === "Completed") {
        this.world.signals.deliver(token, {
          kind: "succeeded",
          statusCode: 200,
          body: completedBody(approval, this.directory),
        });
      } else {
        this.world.signals.deliver(token, {
          kind: "failed",
          statusCode: 409,
          error: { code: "ApprovalCanceled", message: `The approval '${approval.title}' was canceled.` },
        });
      }
    }
    prepared(this.db, "DELETE FROM sb_waiters WHERE kind = 'approval' AND target_id = ?").run(approval.id);
  }

  private toApproval(row: ApprovalRow): Approval {
    const responses = (
      prepared(this.db, "SELECT * FROM sb_approval_responses WHERE approval_id = ? ORDER BY seq").all(
        row.id,
      ) as ResponseRow[]
    ).map(
      (r): ApprovalResponse => ({
        approverEmail: r.approver_email,
        approverName: r.approver_name,
        response: r.response,
        comments: r.comments,
        respondedAt: iso(r.responded_at),
      }),
    );
    return {
      id: row.id,
      type: row.type as ApprovalType,
      title: row.title,
      details: row.details,
      itemLink: row.item_link,
      itemLinkDescription: row.item_link_description,
      requestor: row.requestor,
      assignedTo: parseJson<string[]>(row.assigned_to),
      responseOptions: parseJson<string[]>(row.response_options),
      status: row.status as ApprovalStatus,
      outcome: row.outcome,
      createdAt: iso(row.created_at),
      completedAt: isoOrNull(row.completed_at),
      responses,
      origin: JSON.parse(row.origin) as Origin,
      bcRequestId: row.bc_request_id,
    };
  }
}

/** What Create an approval returns, and a waiting step shows while it waits. */
export function requestBody(approval: Approval): JsonObject {
  return {
    name: approval.id,
    title: approval.title,
    details: approval.details,
    itemLink: approval.itemLink,
    itemLinkDescription: approval.itemLinkDescription,
    requestDate: approval.createdAt,
  };
}

/** A completed approval as the catalog's outputs declare it (body/outcome, body/responses…). */
export function completedBody(approval: Approval, directory: Directory): JsonObject {
  const responses = approval.responses.map((r): JsonObject => {
    const person = directory.person(r.approverEmail);
    return {
      approverId: person?.id ?? r.approverEmail,
      approverName: r.approverName,
      approverEmail: r.approverEmail,
      approverResponse: r.response,
      comments: r.comments,
      requestDate: approval.createdAt,
      responseDate: r.respondedAt,
      responder: {
        id: person?.id ?? r.approverEmail,
        displayName: r.approverName,
        email: r.approverEmail,
        userPrincipalName: r.approverEmail,
      },
    };
  });
  return {
    ...requestBody(approval),
    outcome: approval.outcome ?? "",
    completionDate: approval.completedAt ?? "",
    responseSummary: approval.responses
      .map(
        (r) => `${r.approverName} (${r.approverEmail}): ${r.response}${r.comments ? ` - ${r.comments}` : ""}`,
      )
      .join("\n"),
    responses,
  };
}
