import { EditError } from "../edits/errors";

/** The EditError `run` throws (fails the test when it throws nothing or something else). */
export function editError(run: () => unknown): EditError {
  try {
    run();
  } catch (e) {
    if (e instanceof EditError) return e;
    throw e;
  }
  throw new Error("expected an EditError");
}
