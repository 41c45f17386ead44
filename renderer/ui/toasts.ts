// Short-lived messages at the bottom of the window, optionally with one action ("Undo", "Reload").
import { create } from "zustand";

export interface Toast {
  id: number;
  message: string;
  tone: "info" | "success" | "error";
  action?: { label: string; run: () => void };
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
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), timeoutMs);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));

export const toast = {
  info: (message: string, action?: Toast["action"]) =>
    useToasts.getState().push(action ? { message, tone: "info", action } : { message, tone: "info" }),
  success: (message: string, action?: Toast["action"]) =>
    useToasts.getState().push(action ? { message, tone: "success", action } : { message, tone: "success" }),
  error: (message: string, action?: Toast["action"]) =>
    useToasts.getState().push(action ? { message, tone: "error", action } : { message, tone: "error" }),
};
