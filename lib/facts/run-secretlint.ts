import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { lineAtOffset, lineStartsOf } from "@/lib/text/line-at-offset";

// The public rule-author API of secretlint, taken from the preset so it always matches the installed version.
type RuleCreator = (typeof recommended.rules)[number];
type RuleContext = Parameters<RuleCreator["create"]>[0];
type PresetContext = Parameters<(typeof recommended)["create"]>[0];
type Handler = ReturnType<RuleCreator["create"]>;
type SourceCode = Parameters<NonNullable<Handler["file"]>>[0];

/** What one secretlint rule reported: where (offsets into the text), which message, and the values it named. */
export interface SecretlintMessage {
  ruleId: string;
  messageId: string;
  range: readonly [number, number];
  /** The strings the rule put in its message data (the token, the URI...): in memory only, never stored. */
  values: string[];
}

/**
 * Rule options, as a `.secretlintrc` would give them. AWS access key IDs and account IDs are identifiers,
 * not secrets, but a committed one is still redacted: the scan turns them on and `find-provider-secrets`
 * decides what is reported.
 */
export const SECRETLINT_RULE_OPTIONS: Readonly<Record<string, object>> = {
  "@secretlint/secretlint-rule-aws": { enableIDScanRule: true },
};
/**
 * `secretlint-disable` comments are not honoured: an audit reports what is committed, and a comment must
 * never be able to keep a value out of redaction.
 */
export const SECRETLINT_SKIPPED_RULES: ReadonlySet<string> = new Set(["@secretlint/secretlint-rule-filter-comments"]);

let sink: SecretlintMessage[] | null = null;
let handlers: { id: string; handler: Handler }[] | null = null;

/**
 * Runs secretlint's recommended preset over one text, synchronously. `lintSource` of `@secretlint/core` is
 * async only because its rule runner is promise-based; every rule of the preset scans text synchronously
 * (the one async path reads binary .p12 files from disk, which Dozen never hands it). So this drives the
 * rules through secretlint's own rule API (`create(context).file(source)`), which keeps redaction inside
 * the pure, synchronous facts layer. `run-secretlint.test.ts` checks the result equals `lintSource`'s.
 */
export function runSecretlint(opts: { path: string; text: string }): SecretlintMessage[] {
  handlers ??= createHandlers();
  const source = sourceCodeOf(opts.path, opts.text);
  const found: SecretlintMessage[] = [];
  sink = found;
  try {
    for (const { handler } of handlers) {
      const pending = handler.file?.(source);
      // Only the binary (.p12) path is async, and it needs a physical file: nothing to wait for.
      if (pending) pending.catch(() => undefined);
    }
  } finally {
    sink = null;
  }
  // As core does: one message per rule, message and range; ordered by position.
  const unique = new Map(found.map((m) => [`${m.ruleId}|${m.messageId}|${m.range[0]}|${m.range[1]}`, m]));
  return [...unique.values()].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

function createHandlers(): { id: string; handler: Handler }[] {
  const created: { id: string; handler: Handler }[] = [];
  const preset: PresetContext = {
    sharedOptions: {},
    registerRule(rule) {
      const id = rule.meta.id;
      if (SECRETLINT_SKIPPED_RULES.has(id) || !rule.meta.supportedContentTypes.some((t) => t === "text" || t === "all")) return;
      const context: RuleContext = {
        sharedOptions: {},
        // The message text would spell the secret out: only its id and data are kept.
        createTranslator: () => (messageId, data) => ({ message: "", messageId: String(messageId), data }),
        report: ({ message, range }) =>
          sink?.push({ ruleId: id, messageId: message.messageId, range: [range[0], range[1]], values: stringsOf(message.data) }),
        ignore: () => undefined,
      };
      created.push({ id, handler: rule.create(context, (SECRETLINT_RULE_OPTIONS[id] ?? {}) as never) });
    },
  };
  recommended.create(preset, {});
  return created;
}

function stringsOf(data: unknown): string[] {
  if (typeof data === "string") return [data];
  if (typeof data !== "object" || data === null) return [];
  return Object.values(data).flatMap(stringsOf);
}

function sourceCodeOf(path: string, text: string): SourceCode {
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let starts: number[] | null = null;
  const lineStarts = () => (starts ??= lineStartsOf(content));
  const indexToPosition = (index: number) => {
    const all = lineStarts();
    // The last line starting at or before `index`, by binary search: many messages in a long file stay cheap.
    const line = lineAtOffset(all, index);
    return { line, column: index - (all[line - 1] ?? 0) };
  };
  const positionToIndex = (pos: { line: number; column: number }) => (lineStarts()[pos.line - 1] ?? content.length) + pos.column;
  const slash = path.lastIndexOf("/");
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf(".");
  return {
    hasBOM: content.length !== text.length,
    content,
    filePath: path,
    // No physical path: rules never read the disk (the facts layer does no I/O).
    physicalFilePath: undefined,
    contentType: "text",
    ext: dot > 0 ? base.slice(dot) : "",
    getFilePath: () => path,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: ([start, end]) => ({ start: indexToPosition(start), end: indexToPosition(end) }),
    locationToRange: (loc) => [positionToIndex(loc.start), positionToIndex(loc.end)],
  };
}
