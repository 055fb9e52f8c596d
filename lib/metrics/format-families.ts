/** One metric family in Prometheus's text exposition format (version 0.0.4). */
export interface MetricFamily {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  samples: { suffix?: "_bucket" | "_sum" | "_count"; labels: Record<string, string>; value: number }[];
}

/**
 * Writes families computed from the database at scrape time, which prom-client's instruments cannot hold
 * (a histogram's buckets are set from counts here, not observed one by one).
 */
export function formatFamilies(opts: { families: readonly MetricFamily[] }): string {
  return opts.families
    .map((family) => {
      const lines = [
        `# HELP ${family.name} ${family.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`,
        `# TYPE ${family.name} ${family.type}`,
      ];
      for (const sample of family.samples) {
        const labels = Object.entries(sample.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
        lines.push(`${family.name}${sample.suffix ?? ""}${labels.length ? `{${labels.join(",")}}` : ""} ${formatValue(sample.value)}`);
      }
      return `${lines.join("\n")}\n`;
    })
    .join("");
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return Number.isNaN(value) ? "NaN" : String(value);
}
