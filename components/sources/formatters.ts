/**
 * Number and date formatters in the reader's language (from Accept-Language, else English). Times are
 * shown in UTC and say so: schedules are UTC, and the server cannot know the reader's time zone.
 */
export interface Formatters {
  number(value: number): string;
  dateTime(iso: string): string;
  /** "in 3 hours", "5 minutes ago", relative to the page's render time. */
  relative(iso: string): string;
}

export function readerLocale(acceptLanguage: string | null): string {
  const tags = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter(Boolean);
  for (const tag of tags) {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0) return tag;
    } catch {
      // A malformed tag is skipped, not fatal.
    }
  }
  return "en";
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function createFormatters(opts: { locale: string; now: Date }): Formatters {
  const numbers = new Intl.NumberFormat(opts.locale);
  const dates = new Intl.DateTimeFormat(opts.locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const relatives = new Intl.RelativeTimeFormat(opts.locale, { numeric: "auto" });
  return {
    number: (value) => numbers.format(value),
    dateTime: (iso) => `${dates.format(new Date(iso))} UTC`,
    relative: (iso) => {
      const delta = Date.parse(iso) - opts.now.getTime();
      const [unit, size] = UNITS.find(([, ms]) => Math.abs(delta) >= ms) ?? ["minute", 60_000];
      return relatives.format(Math.round(delta / size), unit);
    },
  };
}
