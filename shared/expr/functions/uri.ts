// URI parsing functions, on absolute URIs.
import { fail, stringArg } from "./args";
import { define } from "./define";
import type { CallInfo, FunctionDefinition } from "./types";

interface UriParts {
  scheme: string;
  host: string;
  port: string;
  path: string;
  query: string;
}

const URI =
  /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(\?[^#]*)?(#.*)?$/;

const DEFAULT_PORTS: Record<string, number> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  ftp: 21,
  sftp: 22,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  ldap: 389,
  nntp: 119,
  gopher: 70,
};

function parseUri(call: CallInfo, text: string): UriParts {
  const match = URI.exec(text.trim());
  if (!match || (match[2] ?? "") === "") throw fail(call, `expects an absolute URI, not '${text}'`);
  return {
    scheme: (match[1] ?? "").toLowerCase(),
    host: match[2] ?? "",
    port: match[3] ?? "",
    path: match[4] ?? "",
    query: match[5] ?? "",
  };
}

function uri(call: CallInfo, args: Parameters<typeof stringArg>[0]): UriParts {
  return parseUri(call, stringArg(args, 0, call, "a URI string"));
}

export const uriFunctions: FunctionDefinition[] = [
  define(
    "uri",
    "uriHost(uri: string): string",
    "The host of an absolute URI.",
    (args, call) => uri(call, args).host,
  ),
  define(
    "uri",
    "uriPath(uri: string): string",
    "The path of an absolute URI ('/' when it has none).",
    (args, call) => uri(call, args).path || "/",
  ),
  define(
    "uri",
    "uriPathAndQuery(uri: string): string",
    "The path and query of an absolute URI.",
    (args, call) => {
      const parts = uri(call, args);
      return (parts.path || "/") + parts.query;
    },
  ),
  define(
    "uri",
    "uriPort(uri: string): integer",
    "The port of an absolute URI, or the scheme's default port.",
    (args, call) => {
      const parts = uri(call, args);
      if (parts.port !== "") return Number(parts.port);
      const port = DEFAULT_PORTS[parts.scheme];
      if (port === undefined) throw fail(call, `has no default port for scheme '${parts.scheme}'`);
      return port;
    },
  ),
  define(
    "uri",
    "uriQuery(uri: string): string",
    "The query of an absolute URI, with its leading '?' ('' when it has none).",
    (args, call) => uri(call, args).query,
  ),
  define(
    "uri",
    "uriScheme(uri: string): string",
    "The scheme of an absolute URI.",
    (args, call) => uri(call, args).scheme,
  ),
];
