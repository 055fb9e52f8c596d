import { it } from "node:test";
import assert from "node:assert/strict";
import { createFormatters, readerLocale } from "@/components/sources/formatters";

it("picks the reader's first usable language, else English", () => {
  const cases: [string | null, string][] = [
    ["de-DE,de;q=0.9,en;q=0.8", "de-DE"],
    ["*;q=0.5, fr", "fr"],
    [null, "en"],
    ["", "en"],
  ];
  for (const [header, locale] of cases) assert.equal(readerLocale(header), locale, String(header));
});

it("formats numbers in the reader's language and times in UTC, saying so, with a relative hint", () => {
  const f = createFormatters({ locale: "de-DE", now: new Date("2026-11-23T14:30:00Z") });
  assert.equal(f.number(12345), "12.345");
  assert.match(f.dateTime("2026-11-24T03:00:00Z"), /24\.11\.2026.*03:00 UTC$/);
  assert.equal(createFormatters({ locale: "en", now: new Date("2026-11-23T14:30:00Z") }).relative("2026-11-24T03:00:00Z"), "in 13 hours");
  assert.equal(createFormatters({ locale: "en", now: new Date("2026-11-23T14:30:00Z") }).relative("2026-11-23T14:25:00Z"), "5 minutes ago");
});
