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
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast, timeoutMs = toast.tone === "error" ? 10_000 : 5_000) {
    const id = nextId++;
    const kept = get().toasts.filter((t) => toast.about === undefined || t.about !== toast.about);
    set({ toasts: [...kept.slice(-3), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), timeoutMs);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));

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
