const MB = 1024 * 1024;

/** `unit` repeated to exactly one megabyte. */
export function fillMegabyte(unit: string): string {
  return unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
}

/**
 * Lines that made one detector or another read the rest of the line again from every match (issue #17): each
 * costs seconds to minutes when a scan is quadratic, tens of milliseconds when it is linear. Shared by the
 * secret tests and `npm run bench:hostile`.
 */
export const HOSTILE_LINES: readonly (readonly [what: string, line: string])[] = [
  ["references repeated (`password=${x} `)", fillMegabyte("password=${x} ")],
  ["one-line JSON with thousands of secrets", "[" + fillMegabyte('{"password":"x"},')],
  ["a flow map of references", "{" + fillMegabyte("password: ${X}, ")],
  ["a dotted chain (`a.a.a…`)", fillMegabyte("a.")],
  ["a dashed chain (`a-a-a…`)", fillMegabyte("a-")],
  ["a string of connection-string pairs", '"' + fillMegabyte("p;password=a b;")],
  ["nested calls (`setPassword(setPassword(…`)", 'x = "token" ' + fillMegabyte("setPassword(")],
  ["tags that never close (`<a <a …`)", fillMegabyte("<a ")],
  ["a value then a megabyte of spaces", "password=a" + " ".repeat(MB)],
  ["schemes without credentials (`a://b:`)", fillMegabyte("a://b:")],
];

/** A package.json declaring `count` dependencies (`dep-0` … at `^1.0.<i>`), pretty-printed, one per line. */
export function bigPackageJson(count: number): string {
  const deps = Object.fromEntries(Array.from({ length: count }, (_, i) => [`dep-${i}`, `^1.0.${i}`]));
  return JSON.stringify({ name: "big", dependencies: deps }, null, 2);
}
