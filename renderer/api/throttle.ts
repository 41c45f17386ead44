/**
 * A trailing throttle: however often `trigger` is called, `run` happens at most once per
 * `intervalMs`, and always once after the last trigger, so the last state is never missed.
 */
export function createThrottle(run: () => void, intervalMs: number): { trigger(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = Number.NEGATIVE_INFINITY;
  const fire = () => {
    timer = undefined;
    lastRun = Date.now();
    run();
  };
  return {
    trigger() {
      if (timer) return;
      timer = setTimeout(fire, Math.max(0, lastRun + intervalMs - Date.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
