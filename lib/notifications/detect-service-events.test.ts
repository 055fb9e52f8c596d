import { test } from "node:test";
import assert from "node:assert/strict";
import { detectServiceEvents, type ServiceState } from "@/lib/notifications/detect-service-events";

const state = (score: number | null, grade: string | null, failing: string[] = []): ServiceState => ({ score, grade, failing });

const cases: { name: string; before: ServiceState | null; after: ServiceState; passing?: string[]; kinds: string[] }[] = [
  { name: "the first scan only sets the baseline", before: null, after: state(40, "F", ["a", "b"]), kinds: [] },
  { name: "nothing changed, nothing told", before: state(85, "B", ["a"]), after: state(85, "B", ["a"]), passing: ["b"], kinds: [] },
  {
    name: "a worse grade is a grade drop (not also a score drop)",
    before: state(84, "B"),
    after: state(76.5, "C"),
    kinds: ["grade.dropped"],
  },
  { name: "a lower score in the same grade is a score drop", before: state(89, "B"), after: state(81.2, "B"), kinds: ["score.dropped"] },
  { name: "a 0.04 wobble is not a drop", before: state(81.24, "B"), after: state(81.2, "B"), kinds: [] },
  { name: "a better score tells nothing", before: state(70, "C"), after: state(92, "A"), kinds: [] },
  { name: "N/A to a grade is no drop", before: state(null, "N/A"), after: state(50, "F"), kinds: [] },
  {
    name: "newly failing checks, and fixed ones apart",
    before: state(80, "B", ["a", "b"]),
    after: state(80, "B", ["b", "c"]),
    passing: ["a"],
    kinds: ["check.failing", "check.fixed"],
  },
  { name: "a check that stopped applying is not fixed", before: state(80, "B", ["a"]), after: state(80, "B", []), passing: [], kinds: [] },
];

for (const c of cases)
  test(c.name, () => {
    const events = detectServiceEvents({ before: c.before, after: c.after, passing: c.passing ?? [] });
    assert.deepEqual(
      events.map((e) => e.kind),
      c.kinds,
    );
  });

test("a grade drop says from and to, and how many points", () => {
  const [event] = detectServiceEvents({ before: state(84, "B"), after: state(76.5, "C"), passing: [] });
  assert.deepEqual(event, { kind: "grade.dropped", from: 84, to: 76.5, drop: 7.5, fromGrade: "B", toGrade: "C" });
});

test("the checks of a check.failing event are the new ones only, sorted", () => {
  const events = detectServiceEvents({ before: state(80, "B", ["b"]), after: state(70, "C", ["z", "b", "a"]), passing: [] });
  assert.deepEqual(events.find((e) => e.kind === "check.failing")?.checks, ["a", "z"]);
});
