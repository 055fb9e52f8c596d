import { AddChannelForm } from "@/components/teams/add-channel-form";
import { DeleteChannelButton } from "@/components/teams/delete-channel-button";
import type { ChannelSummary } from "@/lib/notifications/list-channels";
import type { DeliverySummary } from "@/lib/notifications/list-deliveries";

const KIND: Record<string, string> = { slack: "Slack", teams: "Microsoft Teams", webhook: "Webhook", email: "E-mail" };
const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const TONE: Record<string, string> = {
  delivered: "text-emerald-800 dark:text-emerald-300",
  failed: "text-red-800 dark:text-red-300",
  pending: "text-slate-700 dark:text-slate-300",
  sending: "text-slate-700 dark:text-slate-300",
};

function Status({ status, attempts }: { status: string; attempts: number }) {
  return (
    <span className={TONE[status] ?? ""}>
      {status}
      {attempts > 1 ? ` after ${attempts} attempts` : ""}
    </span>
  );
}

/**
 * The team page's Notifications: its channels (kind, host and last 4 characters, never the URL; the last
 * delivery's status), the delivery log, and for whoever may manage them the add form and delete buttons.
 */
export function NotificationsSection(props: {
  team: string;
  channels: ChannelSummary[];
  deliveries: DeliverySummary[];
  canManage: boolean;
}) {
  const nameOf = (c: ChannelSummary) => `${KIND[c.kind] ?? c.kind} ${c.host} …${c.hint}`;
  const byId = new Map(props.channels.map((c) => [c.id, c]));
  return (
    <section aria-labelledby="notifications-heading" data-testid="team-notifications" className="space-y-3">
      <h2 id="notifications-heading" className="text-lg font-semibold">
        Notifications
      </h2>
      {props.channels.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No channels yet: nobody is told when a service of this team drops a grade, starts failing a check or its scan fails.
        </p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Notification channels</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
              <th scope="col" className="py-1 pr-3 font-medium">
                Channel
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Score drop
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Last delivery
              </th>
              {props.canManage ? (
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {props.channels.map((c) => (
              <tr key={c.id} data-testid="channel-row" className="border-t border-slate-200 align-top dark:border-slate-800">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  {KIND[c.kind] ?? c.kind} <span className="font-mono text-xs">{c.host}</span>{" "}
                  <span className="font-mono text-xs text-slate-600 dark:text-slate-300">…{c.hint}</span>
                  {c.fleetDigest ? (
                    <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">and the fleet digest</span>
                  ) : null}
                </th>
                <td className="py-2 pr-3 tabular-nums">{c.minScoreDrop} pts</td>
                <td className="py-2 pr-3">
                  {c.lastDelivery ? (
                    <>
                      <Status status={c.lastDelivery.status} attempts={c.lastDelivery.attempts} />
                      <span className="block text-xs text-slate-600 dark:text-slate-300">{when.format(c.lastDelivery.at)} UTC</span>
                    </>
                  ) : (
                    "none yet"
                  )}
                </td>
                {props.canManage ? (
                  <td className="py-2">
                    <DeleteChannelButton id={c.id} label={nameOf(c)} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.deliveries.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Delivery log (last {props.deliveries.length})</summary>
          <ul className="mt-2 space-y-1" data-testid="delivery-log">
            {props.deliveries.map((d) => {
              const channel = byId.get(d.channelId);
              return (
                <li key={d.id} className="border-t border-slate-200 pt-1 dark:border-slate-800">
                  <span className="text-xs text-slate-600 dark:text-slate-300">{when.format(d.createdAt)} UTC · </span>
                  {d.subject} → {channel ? nameOf(channel) : "a deleted channel"}: <Status status={d.status} attempts={d.attempts} />
                  {d.lastError && d.status !== "delivered" ? (
                    <span className="block text-xs text-red-800 dark:text-red-300">{d.lastError}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
      {props.canManage ? (
        <details className="rounded border border-slate-200 p-3 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-medium">Add a channel</summary>
          <div className="mt-3">
            <AddChannelForm team={props.team} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
