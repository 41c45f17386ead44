// For the publish tests: a fresh world per test, closed after it whether the test passed or not.
import { afterEach } from "vitest";
import { type PublishWorld, publishWorld, type WorldOptions } from "./test-support";

export interface WorldPerTest {
  /** Opens the test's world. */
  (options?: WorldOptions): PublishWorld;
  /** The world that took the open one's place (after a restart): the one closed after the test. */
  replace(world: PublishWorld): void;
}

/** Call once at the top of a test file; call what it returns to open the test's world. */
export function worldPerTest(): WorldPerTest {
  let world: PublishWorld | undefined;
  afterEach(() => {
    world?.close();
    world = undefined;
  });
  const open = (options: WorldOptions = {}) => {
    world = publishWorld(options);
    return world;
  };
  return Object.assign(open, {
    replace(next: PublishWorld) {
      world = next;
    },
  });
}
