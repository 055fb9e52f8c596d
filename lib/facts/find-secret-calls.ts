import { CREDENTIAL_CALLS, KEY_VALUE_SETTER, literalPart, looksSecretName, NAMED_SETTER_PREFIX } from "@/lib/facts/secret-rules";

// A callee is at most 16 names of 128 characters: a long `a.b.c…` chain is not read again from every dot.
const CALL = /(?<![\w$])([A-Za-z_$][\w$]{0,127}(?:\s*(?:\.|->|::)\s*[A-Za-z_$][\w$]{0,127}){0,15})\s*\(/g;
// How far a call's arguments are read: credentials are short, and `f(f(f(…` must not read the line per call.
const MAX_ARGUMENTS = 4096;
const MAY_HOLD_CREDENTIAL = /pass|pwd|secret|token|key|credential|auth/i;
const STRING_ARG = /^(["'`])((?:\\.|(?!\1).)*)\1(.*)$/s;

interface Arg {
  text: string;
  start: number;
}

/**
 * Credentials passed to calls on one line, written as literals (spans of the literal's content):
 * - credential constructors from `CREDENTIAL_CALLS`: `PlainCredentials('guest', 'guest')`;
 * - key/value setters with a secret-named key: `$c->setParameter('pdo_password', 'iloveit')`;
 * - setters and builders named after a secret: `ds.setPassword("…")`, `builder.password("…")`.
 * A call whose argument is a variable, a reference or a placeholder is not a hard-coded credential.
 */
export function findSecretCalls(opts: {
  line: string;
  /** Stop after this many (the file's candidate cap): a caller given exactly `limit` may not have seen the whole line. */
  limit?: number;
}): { name: string; start: number; end: number }[] {
  const { line } = opts;
  // Every form needs a secret word in a name (or a credential call's name) and a quoted literal.
  if (!line.includes("(") || !/["'`]/.test(line) || !MAY_HOLD_CREDENTIAL.test(line)) return [];
  const found: { name: string; start: number; end: number }[] = [];
  // Arguments are read for calls that may take a credential, within a budget of a few times the line's
  // length: `setPassword(setPassword(…` cannot make one line cost its length per call.
  let budget = 4 * line.length + 65_536;
  CALL.lastIndex = 0;
  for (let m = CALL.exec(line); m && budget > 0 && found.length < (opts.limit ?? Infinity); m = CALL.exec(line)) {
    const callee = (m[1] ?? "").replace(/\s+/g, "");
    if (!MAY_HOLD_CREDENTIAL.test(callee) && !KEY_VALUE_SETTER.test(callee.split(/\.|->|::/).at(-1) ?? "")) continue;
    const segments = callee.split(/\.|->|::/);
    const method = segments.at(-1) ?? "";
    const { args, read } = argumentsAt(line, m.index + m[0].length);
    budget -= read;
    const push = (name: string, arg: Arg | undefined, requires?: RegExp) => {
      const literal = arg && stringLiteral(arg);
      if (!literal || (requires && !requires.test(literal.rest))) return;
      const part = literalPart(literal.value);
      if (part) found.push({ name, start: literal.start + part.offset, end: literal.start + part.offset + part.length });
    };
    const known = CREDENTIAL_CALLS.find((c) => callee === c.call || callee.endsWith(`.${c.call}`));
    if (known) push(known.call, args[known.secretArg], known.requires);
    else if (KEY_VALUE_SETTER.test(method) && args.length === 2) {
      const key = args[0] && stringLiteral(args[0]);
      if (key && key.rest.trim() === "" && looksSecretName(key.value)) push(key.value, args[1]);
    } else if (args.length === 1) {
      // A method (`ds.setPassword`, a builder's `.password` continued from the line above) or a setter.
      const isMethod = segments.length > 1 || /(\.|->|::)\s*$/.test(line.slice(0, m.index));
      const named = method.replace(NAMED_SETTER_PREFIX, "");
      if ((isMethod || named !== method) && looksSecretName(named)) push(method, args[0]);
    }
  }
  return found;
}

/** The top-level arguments of a call whose `(` ends just before `from`, up to its `)` or the line's end; `read`: characters looked at. */
function argumentsAt(line: string, from: number): { args: Arg[]; read: number } {
  const args: Arg[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = from;
  const end = Math.min(line.length, from + MAX_ARGUMENTS);
  for (let i = from; i < end; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    else if (c === ")" || (c === "," && depth === 0)) {
      pushArg(args, line, start, i);
      if (c === ")") return { args, read: i - from + 1 };
      start = i + 1;
    }
  }
  // An unclosed call continues on the next line: its complete arguments still count.
  return { args, read: end - from };
}

function pushArg(args: Arg[], line: string, from: number, to: number) {
  const raw = line.slice(from, to);
  const text = raw.trim();
  if (text !== "") args.push({ text, start: from + raw.indexOf(text) });
}

function stringLiteral(arg: Arg): { value: string; start: number; rest: string } | null {
  const m = STRING_ARG.exec(arg.text);
  if (!m) return null;
  const rest = m[3] ?? "";
  // `"abc".toCharArray()`, `"abc".Sha256()`: the literal still is the value; `"a" + b` is assembled.
  if (rest.trim() !== "" && !/^\s*(\.\w+\(\))+\s*$/.test(rest)) return null;
  return { value: m[2] ?? "", start: arg.start + 1, rest };
}
