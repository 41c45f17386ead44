// The backend's one entry point for the contract, used by both transports: validate the input,
// run the handler, validate the output, and answer with an envelope — never a thrown error.
import {
  ApiError,
  contract,
  type Envelope,
  invalidInput,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from "../../../shared/api";

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers, log: (message: string) => void = console.error): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return fail(new ApiError({ code: "invalid_input", message: `Unknown method '${method}'.` }));
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(invalidInput(parsed.error, `input for ${method}`));
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`[contract] ${method} returned a value that breaks its schema: ${checked.error.message}`);
        return fail(new ApiError({ code: "internal", message: `The backend answered ${method} wrongly.` }));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ApiError) return fail(error);
      log(
        `[contract] ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      const detail = error instanceof Error ? error.message : String(error);
      return fail(
        new ApiError({ code: "internal", message: `Something went wrong in ${method}: ${detail}` }),
      );
    }
  };
}

function fail(error: ApiError): Envelope<never> {
  return { ok: false, error: error.toData() };
}
