"use client";

import { useEffect, useId, useState } from "react";
import { FACTORS } from "@/lib/factors/factors";
import { SERVICE_KIND_LABEL } from "@/lib/facts/service-kinds";
import type { HeatmapFilter, HeatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import type { HeatmapFilterOptions } from "@/lib/heatmap/list-heatmap-filters";
import { TIERS } from "@/lib/tiers/read-tier";

const GRADES = ["A", "B", "C", "D", "F", "N/A"] as const;
const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/**
 * The heatmap's filters: selects apply at once, the search after a pause in typing (or on Enter), so each
 * keystroke does not become a request and a history entry.
 */
export function HeatmapFilters({
  search,
  options,
  onChange,
}: {
  search: HeatmapSearch;
  options: HeatmapFilterOptions;
  onChange: (filter: HeatmapFilter, value: string, opts?: { replace?: boolean }) => void;
}) {
  const id = useId();
  const [text, setText] = useState(search.q ?? "");
  // Back/forward or "clear filters" change the URL's q: show it.
  useEffect(() => setText(search.q ?? ""), [search.q]);
  useEffect(() => {
    if (text.trim() === (search.q ?? "")) return;
    const timer = setTimeout(() => onChange("q", text.trim(), { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [text, search.q, onChange]);

  // A link can name a kind no live service has now: keep it selectable, like a check.
  const kinds =
    search.kind && !options.kinds.some((k) => k.id === search.kind)
      ? [{ id: search.kind, label: SERVICE_KIND_LABEL[search.kind] }, ...options.kinds]
      : options.kinds;

  // Labels point at their control by id (not by wrapping it), so a select's name is "Team", not "Team All".
  const select = (filter: Exclude<HeatmapFilter, "q">, label: string, choices: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-0.5 text-xs text-slate-700 dark:text-slate-300">
      <label htmlFor={`${id}-${filter}`}>{label}</label>
      <select id={`${id}-${filter}`} value={search[filter] ?? ""} onChange={(e) => onChange(filter, e.target.value)} className={control}>
        <option value="">All</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      role="search"
      aria-label="Filter services"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onChange("q", text.trim());
      }}
    >
      <div className="flex flex-col gap-0.5 text-xs text-slate-700 dark:text-slate-300">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="service name"
          className={`${control} w-48`}
        />
      </div>
      {select("team", "Team", [
        { value: "unowned", label: `Unowned (${options.unowned})` },
        ...options.teams.map((t) => ({ value: t.slug, label: t.name })),
      ])}
      {select(
        "source",
        "Source",
        options.sources.map((s) => ({ value: s, label: s })),
      )}
      {select(
        "kind",
        "Kind",
        kinds.map((k) => ({ value: k.id, label: k.label })),
      )}
      {select("tier", "Tier", [...TIERS.map((t) => ({ value: String(t), label: `Tier ${t}` })), { value: "none", label: "No tier" }])}
      {select(
        "grade",
        "Grade",
        GRADES.map((g) => ({ value: g, label: g })),
      )}
      {select(
        "factor",
        "Failing factor",
        FACTORS.map((f) => ({ value: f.id, label: `${f.roman}. ${f.name}` })),
      )}
      <div className="flex flex-col gap-0.5 text-xs text-slate-700 dark:text-slate-300">
        <label htmlFor={`${id}-check`}>Failing check</label>
        <select
          id={`${id}-check`}
          value={search.check ?? ""}
          onChange={(e) => onChange("check", e.target.value)}
          className={`${control} max-w-56`}
        >
          <option value="">All</option>
          {/* A link can name a check no live service fails now (or a custom one): keep it selectable. */}
          {search.check && !options.checks.some((c) => c.id === search.check) ? <option value={search.check}>{search.check}</option> : null}
          {FACTORS.map((f) => {
            const checks = options.checks.filter((c) => c.factor === f.id);
            return checks.length ? (
              <optgroup key={f.id} label={`${f.roman}. ${f.name}`}>
                {checks.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
          {options.checks.some((c) => c.factor === null) ? (
            <optgroup label="Custom checks">
              {options.checks
                .filter((c) => c.factor === null)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
            </optgroup>
          ) : null}
        </select>
      </div>
    </form>
  );
}
