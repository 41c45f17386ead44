// Who may talk to the web-mode server: requests to our own loopback address and port, from our
// own origin, carrying this launch's token (as a header, or the cookie set by the printed link).
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const LOOPBACK_HOST = "127.0.0.1";

export function newLaunchToken(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenCookieName(port: number): string {
  // Cookies ignore ports: name it per port so two running instances do not overwrite each other.
  return `flowsmith_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`${LOOPBACK_HOST}:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Requests without an Origin (non-browser clients, same-origin GETs) are judged by token alone. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice("Bearer ".length).trim();
  return readCookie(req.headers.cookie, tokenCookieName(port));
}

export type GuardVerdict = { ok: true } | { ok: false; status: number; message: string };

/** Host and Origin first (DNS rebinding, cross-site requests), then the token. */
export function guardRequest(
  req: IncomingMessage,
  port: number,
  token: string,
  tokenFromUrl?: string,
): GuardVerdict {
  if (!isAllowedHost(req.headers.host, port)) {
    return { ok: false, status: 421, message: `Host '${req.headers.host ?? ""}' is not served here.` };
  }
  if (!isAllowedOrigin(req.headers.origin, port)) {
    return { ok: false, status: 403, message: `Requests from '${req.headers.origin}' are not allowed.` };
  }
  const given = tokenFromUrl ?? presentedToken(req, port);
  if (given === undefined) {
    return {
      ok: false,
      status: 401,
      message: "This Flowsmith window needs its access token: open the link printed in the terminal.",
    };
  }
  if (!tokensEqual(given, token)) {
    return {
      ok: false,
      status: 401,
      message:
        "This access token is not the current one: Flowsmith was restarted. Open the new link from the terminal.",
    };
  }
  return { ok: true };
}
