/** Where a team's notifications can go: Slack and Microsoft Teams incoming webhooks, a signed generic webhook, e-mail. */
export const CHANNEL_KINDS = ["slack", "teams", "webhook", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * What can be told. `check.fixed` is never sent on its own: weekly digests count it. `exemption.expiring` is
 * reserved for exemptions (issue 15 part 1), which do not exist yet: nothing records it today.
 */
export const EVENT_KINDS = [
  "grade.dropped",
  "score.dropped",
  "check.failing",
  "check.fixed",
  "scan.failed",
  "exemption.expiring",
  "digest.weekly",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The kinds a channel is sent; the rest are recorded for digests only. */
export const SENT_KINDS: ReadonlySet<EventKind> = new Set([
  "grade.dropped",
  "score.dropped",
  "check.failing",
  "scan.failed",
  "exemption.expiring",
  "digest.weekly",
]);

/** Attempts a delivery gets (the first and four retries, each waiting twice as long as the one before). */
export const DELIVERY_ATTEMPTS = 5;
