/**
 * A Go text/template evaluator with the Helm functions charts use, enough to render a chart's templates
 * against its own values.yaml without Helm (no `helm` binary exists where Dozen runs). Pure. What it cannot
 * know (cluster lookups, `.Files`, a function it does not implement) renders as UNRESOLVED, so a check sees
 * "unknown", never a made-up value; a missing value is nil, which is falsy, exactly as in Helm.
 */

/** What an unknowable value prints as; checks treat a field holding it as not available. */
export const UNRESOLVED = "__dozen_unresolved__";

const UNKNOWN = Symbol("unknown");
type Value = unknown;

interface Token {
  kind: "text" | "action";
  value: string;
  trimLeft: boolean;
  trimRight: boolean;
}

type Node =
  | { type: "text"; value: string }
  | { type: "output"; pipe: string }
  | { type: "if"; branches: { cond: string | null; body: Node[] }[] }
  | { type: "range"; pipe: string; vars: string[]; body: Node[]; elseBody: Node[] }
  | { type: "with"; pipe: string; body: Node[]; elseBody: Node[] }
  | { type: "define"; name: string; body: Node[] }
  | { type: "template"; name: string; pipe: string | null }
  | { type: "assign"; name: string; pipe: string; declare: boolean };

export interface TemplateContext {
  /** Named templates (`define`) of the chart, shared by every template file. */
  defines: Map<string, Node[]>;
  /** Set when anything rendered could not be known. */
  unresolved: Set<string>;
}

/** Parses template text into nodes; `define` blocks are collected into `defines`. Throws on malformed nesting. */
export function parseTemplate(text: string, defines: Map<string, Node[]>): Node[] {
  const tokens = tokenize(text);
  let i = 0;
  const parseUntil = (stops: string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if (t.kind === "text") {
        nodes.push({ type: "text", value: t.value });
        continue;
      }
      const action = t.value.trim();
      if (action.startsWith("/*")) continue;
      const word = action.split(/\s+/)[0] ?? "";
      if (stops.includes(word) || (word === "else" && stops.includes("else"))) return { nodes, stop: action };
      if (word === "if") {
        const branches: { cond: string | null; body: Node[] }[] = [];
        let cond: string | null = action.slice(2).trim();
        for (;;) {
          const { nodes: body, stop } = parseUntil(["else", "end"]);
          branches.push({ cond, body });
          if (stop.startsWith("end")) break;
          const rest = stop.slice(4).trim();
          cond = rest.startsWith("if") ? rest.slice(2).trim() : null;
          if (cond === null) {
            const last = parseUntil(["end"]);
            branches.push({ cond: null, body: last.nodes });
            break;
          }
        }
        nodes.push({ type: "if", branches });
      } else if (word === "range" || word === "with") {
        let pipe = action.slice(word.length).trim();
        const vars: string[] = [];
        const decl = pipe.match(/^(\$\w*)\s*(?:,\s*(\$\w*))?\s*:=\s*(.*)$/s);
        if (decl) {
          vars.push(decl[1]!, ...(decl[2] ? [decl[2]] : []));
          pipe = decl[3]!;
        }
        const { nodes: body, stop } = parseUntil(["else", "end"]);
        const elseBody = stop.startsWith("else") ? parseUntil(["end"]).nodes : [];
        nodes.push(word === "range" ? { type: "range", pipe, vars, body, elseBody } : { type: "with", pipe, body, elseBody });
      } else if (word === "define") {
        const name = unquote(action.slice(6).trim());
        const { nodes: body } = parseUntil(["end"]);
        defines.set(name, body);
      } else if (word === "block") {
        const m = action
          .slice(5)
          .trim()
          .match(/^("[^"]*")\s*(.*)$/);
        const { nodes: body } = parseUntil(["end"]);
        const name = unquote(m?.[1] ?? '""');
        if (!defines.has(name)) defines.set(name, body);
        nodes.push({ type: "template", name, pipe: m?.[2] || null });
      } else if (word === "template") {
        const m = action
          .slice(8)
          .trim()
          .match(/^("[^"]*")\s*(.*)$/);
        nodes.push({ type: "template", name: unquote(m?.[1] ?? '""'), pipe: m?.[2] || null });
      } else {
        const assign = action.match(/^(\$\w*)\s*(:?=)\s*(.*)$/s);
        if (assign) nodes.push({ type: "assign", name: assign[1]!, pipe: assign[3]!, declare: assign[2] === ":=" });
        else nodes.push({ type: "output", pipe: action });
      }
    }
    if (stops.length > 0) throw new Error(`unclosed block: expected {{ ${stops.join(" or ")} }} before the end`);
    return { nodes, stop: "" };
  };
  return parseUntil([]).nodes;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    tokens.push({ kind: "text", value: text.slice(last, m.index), trimLeft: false, trimRight: false });
    tokens.push({ kind: "action", value: m[2] ?? "", trimLeft: Boolean(m[1]), trimRight: Boolean(m[3]) });
    last = m.index + m[0].length;
  }
  tokens.push({ kind: "text", value: text.slice(last), trimLeft: false, trimRight: false });
  // Trim markers eat the whitespace of the neighbouring text.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== "action") continue;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (t.trimLeft && before?.kind === "text") before.value = before.value.replace(/\s+$/, "");
    if (t.trimRight && after?.kind === "text") after.value = after.value.replace(/^\s+/, "");
  }
  return tokens;
}

/** Renders parsed nodes with `dot` as `.` and `root` as `$`. */
export function render(
  nodes: Node[],
  dot: Value,
  ctx: TemplateContext,
  root: Value = dot,
  vars: Map<string, Value> = new Map([["$", root]]),
): string {
  let out = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out += node.value;
        break;
      case "output":
        out += print(evalPipe(node.pipe, dot, ctx, vars), ctx, node.pipe);
        break;
      case "assign":
        vars.set(node.name, evalPipe(node.pipe, dot, ctx, vars));
        break;
      case "if": {
        const branch = node.branches.find((b) => b.cond === null || truthy(evalPipe(b.cond, dot, ctx, vars)));
        if (branch) out += render(branch.body, dot, ctx, root, vars);
        break;
      }
      case "with": {
        const value = evalPipe(node.pipe, dot, ctx, vars);
        out += truthy(value) ? render(node.body, value, ctx, root, vars) : render(node.elseBody, dot, ctx, root, vars);
        break;
      }
      case "range": {
        const value = evalPipe(node.pipe, dot, ctx, vars);
        const entries: [Value, Value][] = Array.isArray(value)
          ? value.map((v, k) => [k, v])
          : isRecord(value)
            ? Object.keys(value)
                .sort()
                .map((k) => [k, value[k]])
            : typeof value === "number"
              ? Array.from({ length: value }, (_, k) => [k, k])
              : [];
        if (entries.length === 0) out += render(node.elseBody, dot, ctx, root, vars);
        for (const [key, item] of entries) {
          const scope = new Map(vars);
          if (node.vars.length === 1) scope.set(node.vars[0]!, item);
          if (node.vars.length === 2) {
            scope.set(node.vars[0]!, key);
            scope.set(node.vars[1]!, item);
          }
          out += render(node.body, item, ctx, root, scope);
        }
        break;
      }
      case "template": {
        const body = ctx.defines.get(node.name);
        const arg = node.pipe ? evalPipe(node.pipe, dot, ctx, vars) : undefined;
        if (body) out += render(body, arg, ctx, root, new Map([["$", root]]));
        else ctx.unresolved.add(`template "${node.name}"`);
        break;
      }
      case "define":
        break;
    }
  }
  return out;
}

function print(value: Value, ctx: TemplateContext, pipe: string): string {
  if (value === UNKNOWN) {
    ctx.unresolved.add(pipe);
    return UNRESOLVED;
  }
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return Array.isArray(value) ? `[${value.map((v) => String(v)).join(" ")}]` : "map[...]";
  return String(value);
}

function truthy(value: Value): boolean {
  if (value === UNKNOWN || value === undefined || value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

// ---------- pipelines ----------

type Arg =
  | { kind: "lit"; value: Value }
  | { kind: "field"; base: string; path: string[] }
  | { kind: "call"; name: string }
  | { kind: "paren"; pipe: string };

function evalPipe(pipe: string, dot: Value, ctx: TemplateContext, vars: Map<string, Value>): Value {
  let value: Value = undefined;
  let first = true;
  for (const command of splitTop(pipe, "|")) {
    const args = parseArgs(command.trim());
    if (args.length === 0) continue;
    const head = args[0]!;
    const rest = args.slice(1).map((a) => evalArg(a, dot, ctx, vars));
    if (!first) rest.push(value);
    if (head.kind === "call") value = callFunction(head.name, rest, dot, ctx, vars);
    else value = rest.length === 0 ? evalArg(head, dot, ctx, vars) : evalArg(head, dot, ctx, vars);
    first = false;
  }
  return value;
}

function evalArg(arg: Arg, dot: Value, ctx: TemplateContext, vars: Map<string, Value>): Value {
  if (arg.kind === "lit") return arg.value;
  if (arg.kind === "paren") return evalPipe(arg.pipe, dot, ctx, vars);
  if (arg.kind === "call") return callFunction(arg.name, [], dot, ctx, vars);
  let base: Value = arg.base === "." ? dot : vars.has(arg.base) ? vars.get(arg.base) : UNKNOWN;
  for (const key of arg.path) {
    if (base === UNKNOWN) return UNKNOWN;
    base = isRecord(base) ? base[key] : undefined;
  }
  return base;
}

function parseArgs(command: string): Arg[] {
  const args: Arg[] = [];
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "`") {
      const end = c === "`" ? command.indexOf("`", i + 1) : findStringEnd(command, i);
      args.push({ kind: "lit", value: c === "`" ? command.slice(i + 1, end) : (JSON.parse(command.slice(i, end + 1)) as string) });
      i = end + 1;
      continue;
    }
    if (c === "(") {
      let depth = 0;
      let j = i;
      for (; j < command.length; j++) {
        if (command[j] === "(") depth++;
        if (command[j] === ")" && --depth === 0) break;
      }
      args.push({ kind: "paren", pipe: command.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    const m = command.slice(i).match(/^[^\s()]+/);
    const word = m![0];
    i += word.length;
    if (/^-?\d+(\.\d+)?$/.test(word)) args.push({ kind: "lit", value: Number(word) });
    else if (word === "true" || word === "false") args.push({ kind: "lit", value: word === "true" });
    else if (word === "nil") args.push({ kind: "lit", value: null });
    else if (word.startsWith(".") || word.startsWith("$")) {
      const base = word.startsWith("$") ? (word.match(/^\$\w*/)?.[0] ?? "$") : ".";
      const path = word
        .slice(base === "." ? 0 : base.length)
        .split(".")
        .filter(Boolean);
      args.push({ kind: "field", base, path });
    } else args.push({ kind: "call", name: word });
  }
  return args;
}

function findStringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts;
}

// ---------- functions ----------

function callFunction(name: string, args: Value[], dot: Value, ctx: TemplateContext, vars: Map<string, Value>): Value {
  const known = args.some((a) => a === UNKNOWN);
  const s = (v: Value) => (v === undefined || v === null ? "" : typeof v === "object" ? toYaml(v) : String(v));
  switch (name) {
    case "include": {
      const body = ctx.defines.get(s(args[0]));
      if (!body) {
        ctx.unresolved.add(`include "${s(args[0])}"`);
        return UNKNOWN;
      }
      const root = vars.get("$");
      return render(body, args[1], ctx, root, new Map([["$", root]]));
    }
    case "tpl":
      return known ? UNKNOWN : render(parseTemplate(s(args[0]), ctx.defines), args[1], ctx, vars.get("$"));
    case "toYaml":
      return known ? UNKNOWN : args[0] === undefined || args[0] === null ? "null" : toYaml(args[0]).replace(/\n$/, "");
    case "toJson":
    case "toRawJson":
      return known ? UNKNOWN : JSON.stringify(args[0] ?? null);
    case "nindent":
    case "indent": {
      if (args[1] === UNKNOWN) return UNKNOWN;
      const pad = " ".repeat(Number(args[0]) || 0);
      const body = s(args[1])
        .split("\n")
        .map((l) => pad + l)
        .join("\n");
      return name === "nindent" ? `\n${body}` : body;
    }
    case "default":
      return truthy(args[1]) ? args[1] : args[0];
    case "coalesce":
      return args.find((a) => truthy(a));
    case "required":
      return args[1] === undefined || args[1] === null ? UNKNOWN : args[1];
    case "quote":
      return args[0] === UNKNOWN ? UNKNOWN : JSON.stringify(s(args[0]));
    case "squote":
      return args[0] === UNKNOWN ? UNKNOWN : `'${s(args[0])}'`;
    case "upper":
      return known ? UNKNOWN : s(args[0]).toUpperCase();
    case "lower":
      return known ? UNKNOWN : s(args[0]).toLowerCase();
    case "title":
      return known ? UNKNOWN : s(args[0]).replace(/\b\w/g, (c) => c.toUpperCase());
    case "trim":
      return known ? UNKNOWN : s(args[0]).trim();
    case "trunc":
      return known ? UNKNOWN : Number(args[0]) >= 0 ? s(args[1]).slice(0, Number(args[0])) : s(args[1]).slice(Number(args[0]));
    case "trimSuffix":
      return known ? UNKNOWN : s(args[1]).endsWith(s(args[0])) ? s(args[1]).slice(0, -s(args[0]).length || undefined) : s(args[1]);
    case "trimPrefix":
      return known ? UNKNOWN : s(args[1]).startsWith(s(args[0])) ? s(args[1]).slice(s(args[0]).length) : s(args[1]);
    case "replace":
      return known ? UNKNOWN : s(args[2]).split(s(args[0])).join(s(args[1]));
    case "contains":
      return known ? UNKNOWN : s(args[1]).includes(s(args[0]));
    case "hasPrefix":
      return known ? UNKNOWN : s(args[1]).startsWith(s(args[0]));
    case "hasSuffix":
      return known ? UNKNOWN : s(args[1]).endsWith(s(args[0]));
    case "printf":
      return known ? UNKNOWN : sprintf(s(args[0]), args.slice(1));
    case "print":
      return known ? UNKNOWN : args.map(s).join("");
    case "println":
      return known ? UNKNOWN : `${args.map(s).join(" ")}\n`;
    case "toString":
      return known ? UNKNOWN : s(args[0]);
    case "int":
    case "int64":
    case "float64":
      return known ? UNKNOWN : Number(args[0]) || 0;
    case "eq":
      return known ? UNKNOWN : args.slice(1).some((a) => a === args[0] || String(a) === String(args[0]));
    case "ne":
      return known ? UNKNOWN : args[0] !== args[1] && String(args[0]) !== String(args[1]);
    case "lt":
      return known ? UNKNOWN : Number(args[0]) < Number(args[1]);
    case "le":
      return known ? UNKNOWN : Number(args[0]) <= Number(args[1]);
    case "gt":
      return known ? UNKNOWN : Number(args[0]) > Number(args[1]);
    case "ge":
      return known ? UNKNOWN : Number(args[0]) >= Number(args[1]);
    case "not":
      return !truthy(args[0]);
    case "and":
      return args.reduce((acc: Value, a) => (truthy(acc) ? a : acc), true);
    case "or":
      return args.find((a) => truthy(a)) ?? args.at(-1);
    case "empty":
      return !truthy(args[0]);
    case "hasKey":
      return isRecord(args[0]) && Object.hasOwn(args[0], s(args[1]));
    case "list":
      return args;
    case "dict": {
      const out: Record<string, Value> = {};
      for (let k = 0; k + 1 < args.length; k += 2) out[s(args[k])] = args[k + 1];
      return out;
    }
    case "merge":
    case "mergeOverwrite":
      return Object.assign({}, ...args.slice(1).reverse().filter(isRecord), isRecord(args[0]) ? args[0] : {});
    case "get":
      return isRecord(args[0]) ? args[0][s(args[1])] : undefined;
    case "index": {
      let v = args[0];
      for (const k of args.slice(1)) v = Array.isArray(v) ? v[Number(k)] : isRecord(v) ? v[s(k)] : undefined;
      return v;
    }
    case "len":
      return Array.isArray(args[0]) ? args[0].length : isRecord(args[0]) ? Object.keys(args[0]).length : s(args[0]).length;
    case "join":
      return Array.isArray(args[1]) ? args[1].map(s).join(s(args[0])) : s(args[1]);
    case "first":
      return Array.isArray(args[0]) ? args[0][0] : undefined;
    case "last":
      return Array.isArray(args[0]) ? args[0].at(-1) : undefined;
    case "keys":
      return isRecord(args[0]) ? Object.keys(args[0]).sort() : [];
    case "ternary":
      return truthy(args[2]) ? args[0] : args[1];
    case "b64enc":
      return known ? UNKNOWN : Buffer.from(s(args[0])).toString("base64");
    case "kindIs":
      return kindOf(args[1]) === s(args[0]);
    case "typeIs":
      return false;
    case "semverCompare":
      return true;
    case "fail":
      return UNKNOWN;
    default:
      // lookup, .Files, randAlphaNum, now, sha256sum...: not knowable offline (recorded where it is printed).
      void dot;
      return UNKNOWN;
  }
}

function kindOf(value: Value): string {
  if (Array.isArray(value)) return "slice";
  if (isRecord(value)) return "map";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float64";
  return "invalid";
}

function sprintf(format: string, args: Value[]): string {
  let k = 0;
  return format.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([sdvqft%])/g, (_m, _flags, verb: string) => {
    if (verb === "%") return "%";
    const v = args[k++];
    if (verb === "q") return JSON.stringify(String(v ?? ""));
    if (verb === "d") return String(Math.trunc(Number(v)));
    return v === undefined || v === null ? "" : String(v);
  });
}

/** YAML as Helm's toYaml writes it: block style, two-space indent, strings quoted only when they must be. */
export function toYaml(value: Value, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]\n";
    return value
      .map((item) => {
        const body = toYaml(item, `${indent}  `);
        return isRecord(item) || Array.isArray(item) ? `${indent}- ${body.slice(indent.length + 2)}` : `${indent}- ${body.trimStart()}`;
      })
      .join("");
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}\n";
    return keys
      .map((key) => {
        const v = value[key];
        if ((isRecord(v) && Object.keys(v).length > 0) || (Array.isArray(v) && v.length > 0))
          return `${indent}${key}:\n${toYaml(v, isRecord(v) ? `${indent}  ` : indent)}`;
        return `${indent}${key}: ${toYaml(v, "").trimEnd()}\n`;
      })
      .join("");
  }
  if (value === null || value === undefined) return "null\n";
  if (typeof value === "string")
    return `${/^[\w./:@-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|\d+(\.\d+)?)$/i.test(value) ? value : JSON.stringify(value)}\n`;
  return `${String(value)}\n`;
}

function unquote(text: string): string {
  const m = text.match(/^"(.*)"/);
  return m ? m[1]! : text;
}

function isRecord(value: Value): value is Record<string, Value> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
