import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toast, useToasts } from "./toasts";

const messages = () => useToasts.getState().toasts.map((t) => t.message);

describe("toasts", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    for (const t of useToasts.getState().toasts) useToasts.getState().dismiss(t.id);
    useToasts.getState().release();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("goes after its time: five seconds for news, ten for an error", () => {
    toast.success("Saved.");
    toast.error("The file is not a flow.");
    vi.advanceTimersByTime(5_001);
    expect(messages()).toEqual(["The file is not a flow."]);
    vi.advanceTimersByTime(5_000);
    expect(messages()).toEqual([]);
  });

  it("says the same thing once: a repeated message replaces the older one and starts its time again", () => {
    toast.error("The sandbox is busy.");
    vi.advanceTimersByTime(8_000);
    toast.error("The sandbox is busy.");
    expect(messages()).toEqual(["The sandbox is busy."]);
    vi.advanceTimersByTime(8_000);
    expect(messages()).toEqual(["The sandbox is busy."]);
    vi.advanceTimersByTime(2_001);
    expect(messages()).toEqual([]);
  });

  it("shows four at most, the oldest going first", () => {
    for (const n of [1, 2, 3, 4, 5]) toast.info(`Message ${n}`);
    expect(messages()).toEqual(["Message 2", "Message 3", "Message 4", "Message 5"]);
  });

  it("waits while held (pointed at or focused), then goes after what was left of its time", () => {
    toast.success("Version 2 is now the draft.");
    vi.advanceTimersByTime(1_000);
    useToasts.getState().hold();
    vi.advanceTimersByTime(60_000);
    expect(messages()).toEqual(["Version 2 is now the draft."]);
    useToasts.getState().release();
    vi.advanceTimersByTime(3_999);
    expect(messages()).toEqual(["Version 2 is now the draft."]);
    vi.advanceTimersByTime(2);
    expect(messages()).toEqual([]);
  });

  it("after a hold, leaves a moment to look even when its time was nearly up", () => {
    toast.info("Copied.");
    vi.advanceTimersByTime(4_900);
    useToasts.getState().hold();
    useToasts.getState().release();
    vi.advanceTimersByTime(1_999);
    expect(messages()).toEqual(["Copied."]);
    vi.advanceTimersByTime(2);
    expect(messages()).toEqual([]);
  });
});
