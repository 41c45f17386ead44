import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The renderer, built into dist/renderer and served from app://flowsmith (Electron) or
// http://127.0.0.1:<port> (web mode): absolute paths work for both.
export default defineConfig({
  root: "renderer",
  base: "/",
  plugins: [react()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    target: "es2023",
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
