import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseProcfile } from "@/lib/facts/parse-procfile";

const cases: { name: string; lines: string[]; processes: { name: string; command: string; line: number }[]; problems: string[] }[] = [
  {
    name: "web, worker and release with their lines",
    lines: ["web: node server.js", "", "# background jobs", "worker:   node worker.js --queue=default  ", "release: npm run migrate"],
    processes: [
      { name: "web", command: "node server.js", line: 1 },
      { name: "worker", command: "node worker.js --queue=default", line: 4 },
      { name: "release", command: "npm run migrate", line: 5 },
    ],
    problems: [],
  },
  {
    name: "a malformed line is reported, the rest still parse",
    lines: ["web gunicorn app:app", "clock: python clock.py", "empty:"],
    processes: [{ name: "clock", command: "python clock.py", line: 2 }],
    problems: ['line 1: not a "name: command" process line', 'line 3: not a "name: command" process line'],
  },
];

describe("parseProcfile", () => {
  for (const c of cases) {
    it(c.name, () => {
      const out = parseProcfile({ path: "svc/Procfile", lines: c.lines });
      assert.deepEqual(out.procfile, { path: "svc/Procfile", processes: c.processes });
      assert.deepEqual(out.problems, c.problems);
    });
  }
});
