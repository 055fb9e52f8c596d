"use client";

import { useSyncExternalStore } from "react";

type Theme = "light" | "dark" | "system";
const KEY = "dozen-theme";

/** Runs before first paint (inlined in <head>) so a dark-mode reader never sees a white flash. */
export const THEME_BOOT_SCRIPT = `(function(){try{var t=localStorage.getItem("${KEY}")||"system";var d=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

function apply(theme: Theme): void {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

// The choice lives in localStorage; the select reads it as an external store (the server renders "system"),
// and a change in another tab moves this one too.
const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
const readTheme = (): Theme => (localStorage.getItem(KEY) as Theme | null) ?? "system";

/** Light, dark or follow the system; remembered per browser. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as Theme);
  return (
    <label className="ml-auto flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      Theme
      <select
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          localStorage.setItem(KEY, next);
          apply(next);
          for (const listener of listeners) listener();
        }}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
