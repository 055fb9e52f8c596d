/** What every delivery says, whatever the channel: the event's subject and lines, a link when DOZEN_PUBLIC_URL is set. */
export interface NotificationMessage {
  /** The event's key: the same for every channel and every retry, so a receiver can drop a repeat. */
  id: string;
  kind: string;
  team: string | null;
  subject: string;
  lines: string[];
  url: string | null;
  at: string;
  /** The event's own fields (scores, checks, service slug), as recorded. */
  data: Record<string, unknown>;
}

/**
 * The HTTP body of a delivery for each kind of channel: Slack's `{ text }` (mrkdwn), Microsoft Teams' message
 * with an Adaptive Card (what Teams workflows' "when a webhook request is received" and connectors take), and
 * for a generic webhook the whole message as JSON (signed by the caller). E-mail uses `text` of the generic one.
 */
export function formatMessage(opts: { kind: string; message: NotificationMessage; delivery: number }): { body: string; text: string } {
  const m = opts.message;
  const text = [m.subject, ...m.lines, ...(m.url ? [m.url] : [])].join("\n");
  if (opts.kind === "slack") {
    const link = m.url ? `\n<${m.url}|Open in Dozen>` : "";
    return { text, body: JSON.stringify({ text: `*${m.subject}*\n${m.lines.join("\n")}${link}` }) };
  }
  if (opts.kind === "teams") {
    const card = {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.4",
      body: [
        { type: "TextBlock", text: m.subject, weight: "Bolder", wrap: true },
        ...m.lines.map((line) => ({ type: "TextBlock", text: line, wrap: true, spacing: "Small" })),
      ],
      actions: m.url ? [{ type: "Action.OpenUrl", title: "Open in Dozen", url: m.url }] : [],
    };
    return {
      text,
      body: JSON.stringify({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] }),
    };
  }
  return { text, body: JSON.stringify({ ...m, delivery: opts.delivery }) };
}
