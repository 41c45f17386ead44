// Command-line options of web mode.
export interface WebModeArgs {
  dataDir?: string;
  port?: number;
  open: boolean;
  help: boolean;
}

export function parseWebModeArgs(argv: readonly string[]): WebModeArgs {
  const args: WebModeArgs = { open: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case "--data-dir":
        args.dataDir = value();
        break;
      case "--port": {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error("--port must be a number from 0 to 65535.");
        args.port = port;
        break;
      }
      case "--no-open":
        args.open = false;
        break;
      case "--web":
        break; // accepted for symmetry with npm start --web
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option '${arg}'. Try --help.`);
    }
  }
  return args;
}

export const WEB_MODE_HELP = `Flowsmith in web mode: the app in your browser, served on 127.0.0.1 only.

Options:
  --data-dir <folder>  where flows and settings are kept (default: the platform's data folder)
  --port <number>      port to listen on (default: a free one)
  --no-open            do not open a browser; just print the address
  --help               this text`;
