/**
 * Values from a scanned repository or cluster (a file name, a snippet, an object's name) put into guide
 * markdown as text, never as markdown: a file named `![x](https://tracker/p.png)` or `[log in](https://phish)`
 * must show as that name, not as an image or a link. Each helper fits one place a value can stand.
 */

/** For prose: every ASCII punctuation character backslash-escaped (CommonMark), line breaks as spaces. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** For inside a template's own `code span`: no backtick to close it, no line break. */
export function insideCodeSpan(text: string): string {
  return oneLine(text).replaceAll("`", "'");
}

/** For inside a template's own fenced block: no line that could close the fence. */
export function insideCodeBlock(text: string): string {
  return text.replace(/`{3,}|~{3,}/g, (run) => run.replace(/[`~]/g, "'"));
}

/** A code span of its own, its fence longer than any backtick run in the text. */
export function inlineCode(text: string): string {
  const line = oneLine(text);
  const fence = "`".repeat(longestRun(line, "`") + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A fenced block of its own, its fence longer than any backtick run in the text; `lang` (a highlight
 * language Dozen names, never a scanned value) goes in its info string so the block is highlighted.
 */
export function codeBlock(text: string, lang?: string | null): string {
  const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  return `${fence}${lang ?? ""}\n${text}\n${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
