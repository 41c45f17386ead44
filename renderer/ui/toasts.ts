// Short-lived messages at the bottom of the window, optionally with one action ("Undo", "Reload").
import { create } from "zustand";

export interface Toast {
  id: number;
  message: string;
  tone: "info" | "success" | "error";
  action?: { label: string; run: () => void };
  /** What the toast is about ("flow:<id>"): a newer toast about the same thing replaces it. */
  about?: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, "id">, timeoutMs?: number): void;
  dismiss(id: number): void;
  /** The pointer or the keyboard is on the toasts: none goes while the person reads or reaches one. */
  hold(): void;
  /** …and has left: each goes after what was left of its time (never less than a moment to look). */
  release(): void;
}

/** At most this many at once: the oldest goes first. */
const SHOWN = 4;
/** After a hold, a toast stays at least this long, so it does not vanish as the pointer leaves it. */
const AFTER_HOLD_MS = 2_000;

let nextId = 1;
/** Each toast's timer and when it is due; a hold clears the timers and keeps what is left. */
const timers = new Map<
  number,
  { handle: ReturnType<typeof setTimeout> | undefined; remaining: number; due: number }
>();
let held = false;

export const useToasts = create<ToastState>((set, get) => {
  const arm = (id: number, ms: number) => {
    const handle = held ? undefined : setTimeout(() => get().dismiss(id), ms);
    timers.set(id, { handle, remaining: ms, due: Date.now() + ms });
  };
  return {
    toasts: [],
    push(toast, timeoutMs = toast.tone === "error" ? 10_000 : 5_000) {
      const id = nextId++;
      // A newer toast about the same thing, or saying the same thing, replaces the older one.
      const replaced = (t: Toast) =>
        (toast.about !== undefined && t.about === toast.about) ||
        (t.message === toast.message && t.tone === toast.tone);
      const kept = get().toasts.filter((t) => !replaced(t));
      const shown = [...kept.slice(-(SHOWN - 1)), { ...toast, id }];
      for (const gone of get().toasts) if (!shown.includes(gone)) forget(gone.id);
      set({ toasts: shown });
      arm(id, timeoutMs);
    },
    dismiss(id) {
      forget(id);
      set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
    },
    hold() {
      if (held) return;
      held = true;
      const now = Date.now();
      for (const timer of timers.values()) {
        if (timer.handle !== undefined) clearTimeout(timer.handle);
        timer.handle = undefined;
        timer.remaining = Math.max(0, timer.due - now);
      }
    },
    release() {
      if (!held) return;
      held = false;
      for (const [id, timer] of [...timers]) arm(id, Math.max(timer.remaining, AFTER_HOLD_MS));
    },
  };
});

function forget(id: number): void {
  const timer = timers.get(id);
  if (timer?.handle !== undefined) clearTimeout(timer.handle);
  timers.delete(id);
}

function show(tone: Toast["tone"], message: string, action?: Toast["action"], about?: string): void {
  useToasts.getState().push({
    message,
    tone,
    ...(action ? { action } : {}),
    ...(about !== undefined ? { about } : {}),
  });
}

export const toast = {
  info: (message: string, action?: Toast["action"], about?: string) => show("info", message, action, about),
  success: (message: string, action?: Toast["action"], about?: string) =>
    show("success", message, action, about),
  error: (message: string, action?: Toast["action"], about?: string) => show("error", message, action, about),
};
