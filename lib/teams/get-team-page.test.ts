import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { FACTORS } from "@/lib/factors/factors";
import { utcDay } from "@/lib/db/utc-day";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { exportTable } from "@/lib/export/export-table";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { createExemption } from "@/lib/persistence/exemptions/create-exemption";
import { decideExemption } from "@/lib/persistence/exemptions/decide-exemption";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";

const fleet = useScannedFleet();
const AUDIT = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const ADMIN = { kind: "local" as const, id: "local", name: "local user", role: "admin" as const };
const round = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ofTeam = (team: string) => fleet.services.filter((s) => ownerOf(s) === team);

test("[TEAMS] a team page lists its services worst first with the team score, factor means and trend", async () => {
  const page = await getTeamPage({ slug: "team-commerce" });
  assert.ok(page);
  const mine = ofTeam("team-commerce");
  assert.equal(page.serviceCount, mine.length);
  assert.deepEqual(page.services.map((s) => s.name).sort(), mine.map((s) => s.name).sort());
  assert.deepEqual(
    page.services.map((s) => s.score),
    mine.map((s) => s.score).sort((a, b) => (a ?? 0) - (b ?? 0)),
  );
  assert.equal(page.score, round(mean(mine.map((s) => s.score ?? 0))));
  for (const [i, f] of FACTORS.entries()) {
    const scores = mine.flatMap((s) => s.factors.filter((x) => x.factor === f.id && x.score !== null).map((x) => x.score ?? 0));
    const expected = scores.length ? round(mean(scores)) : null;
    // The database averages in its own order: a mean on a .x5 edge may round either way.
    if (expected === null) assert.equal(page.factors[i]?.score, null, f.id);
    else assert.ok(Math.abs((page.factors[i]?.score ?? NaN) - expected) <= 0.1 + 1e-9, `${f.id}: ${page.factors[i]?.score} vs ${expected}`);
  }
  assert.deepEqual(
    page.trend.map((p) => p.day),
    [utcDay()],
  );
  assert.equal(page.trend[0]?.score, page.score);
  const grades = { A: 0, B: 0, C: 0, D: 0, F: 0, "N/A": 0 } as Record<string, number>;
  for (const s of mine) grades[s.grade] = (grades[s.grade] ?? 0) + 1;
  assert.deepEqual(page.grades, grades, "how many of its services hold each grade");
  assert.equal(await getTeamPage({ slug: "no-such-team" }), null);
});

test("[TEAMS] a team's findings CSV holds every latest finding of every service of the team, and only theirs", async () => {
  const mine = ofTeam("team-commerce");
  const csv = await exportTable({ table: "findings", params: new URLSearchParams({ team: "team-commerce" }) });
  const [header, ...lines] = csv.trim().split("\r\n");
  assert.equal(header, "service,rule,factor,outcome,weight,effort,message,path,line_start,line_end,exemption");
  assert.equal(
    lines.length,
    mine.reduce((n, s) => n + s.findings.length, 0),
  );
  const rows = lines.map((l) => l.split(","));
  assert.deepEqual([...new Set(rows.map((r) => r[0]))].sort(), mine.map((s) => s.name).sort());
  for (const s of mine) {
    const failing = s.findings
      .filter((f) => f.outcome === "fail")
      .map((f) => f.ruleId)
      .sort();
    const listed = rows
      .filter((r) => r[0] === s.name && r[3] === "fail")
      .map((r) => r[1])
      .sort();
    assert.deepEqual(listed, failing, s.name);
  }
  await assert.rejects(exportTable({ table: "findings", params: new URLSearchParams({ team: "no-such-team" }) }), {
    name: "NotFoundError",
  });
});

test("[TEAMS] a team's findings CSV is its services' own CSVs by name, exemption column included", async () => {
  const mine = ofTeam("team-commerce");
  assert.ok(mine.length >= 3, "a team of several services");
  // A team-wide exemption of one failing check: the exemption column says so on every service failing it.
  const failing = mine.flatMap((s) => s.findings.filter((f) => f.outcome === "fail").map((f) => f.ruleId))[0]!;
  const exemption = await createExemption({
    input: { scope: "team", team: "team-commerce", checkId: failing, kind: "false-positive", reason: "handled by the gateway" },
    principal: ADMIN,
    audit: AUDIT,
    origin: "api",
  });
  try {
    const csv = await exportTable({ table: "findings", params: new URLSearchParams({ team: "team-commerce" }) });
    const [, ...lines] = csv.trim().split("\r\n");
    const expected: string[] = [];
    const services = await db().service.findMany({
      where: { team: { slug: "team-commerce" }, goneAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { slug: true, name: true },
    });
    assert.equal(services.length, mine.length);
    for (const s of services) {
      const own = await exportTable({ table: "findings", params: new URLSearchParams({ service: s.slug }) });
      expected.push(
        ...own
          .trim()
          .split("\r\n")
          .slice(1)
          .map((line) => `${s.name},${line}`),
      );
    }
    assert.deepEqual(lines, expected, "same rows, same order, same columns as each service's own CSV");
    assert.ok(
      lines.some((l) => l.includes(`,${failing},`) && l.endsWith("false-positive: handled by the gateway")),
      "the exemption column names the team-wide exemption",
    );
  } finally {
    await decideExemption({ id: exemption.id, decision: "revoke", reason: "test done", principal: ADMIN, audit: AUDIT });
  }
});

test("[TEAMS] a team page places the team among the scored teams and shows the fleet score beside it", async () => {
  const page = await getTeamPage({ slug: "team-commerce" });
  assert.ok(page?.rank);
  const teams = (await db().dailyTeamScore.findMany({ where: { services: { gt: 0 }, score: { not: null } }, select: { score: true } })).map(
    (t) => t.score!,
  );
  assert.equal(page.rank.of, teams.length);
  assert.equal(page.rank.rank, 1 + teams.filter((score) => score > (page.score ?? 0) + 0.05).length);
  const fleetMean = await db().dailyFleetScore.findFirstOrThrow({ orderBy: { day: "desc" }, select: { score: true } });
  assert.equal(page.fleetScore, round(fleetMean.score!));
});

test("[TEAMS] a team page lists only its worst services and counts all of them", async () => {
  const mine = ofTeam("team-commerce");
  assert.ok(mine.length > 2, "the demo team has more services than the limit used here");
  const page = await getTeamPage({ slug: "team-commerce", serviceLimit: 2 });
  assert.ok(page);
  assert.equal(page.serviceCount, mine.length);
  assert.deepEqual(
    page.services.map((s) => s.score),
    mine
      .map((s) => s.score)
      .sort((a, b) => (a ?? 0) - (b ?? 0))
      .slice(0, 2),
  );
});

test("[TEAMS] fix first ranks the team's failing checks by weight × services ÷ effort, counting every service", async () => {
  const mine = ofTeam("team-commerce");
  const page = await getTeamPage({ slug: "team-commerce" });
  assert.ok(page);
  const failing = new Map<string, Set<string>>();
  for (const s of mine)
    for (const f of s.findings) if (f.outcome === "fail") failing.set(f.ruleId, (failing.get(f.ruleId) ?? new Set()).add(s.name));
  assert.ok(page.fixFirst.length > 0);
  assert.equal(page.fixFirst.length, Math.min(10, failing.size));
  for (const item of page.fixFirst) {
    const services = failing.get(item.ruleId);
    assert.ok(services, `${item.ruleId} fails in the team`);
    assert.equal(item.serviceCount, services.size, item.ruleId);
    assert.deepEqual(item.services, [...services].sort(), item.ruleId);
  }
  const priorities = page.fixFirst.map((i) => i.priority);
  assert.deepEqual(
    priorities,
    [...priorities].sort((a, b) => b - a),
    "highest priority first",
  );
});

test("[TEAMS] a service moved to another team leaves the old team's page and fix first at once", async () => {
  const moved = ofTeam("team-commerce")[0]!;
  await db().team.create({ data: { slug: "team-moved", name: "team-moved" } });
  await setServiceTeam({ slug: moved.name, team: "team-moved" });
  const old = await getTeamPage({ slug: "team-commerce" });
  const added = await getTeamPage({ slug: "team-moved" });
  assert.ok(old && added);
  assert.ok(!old.services.some((s) => s.name === moved.name));
  assert.ok(old.fixFirst.every((i) => !i.services.includes(moved.name)));
  assert.deepEqual(
    added.services.map((s) => s.name),
    [moved.name],
  );
  assert.equal(added.score, round(moved.score ?? 0));
  const failing = new Set(moved.findings.filter((f) => f.outcome === "fail").map((f) => f.ruleId));
  assert.ok(added.fixFirst.length > 0 && added.fixFirst.every((i) => failing.has(i.ruleId) && i.serviceCount === 1));
  assert.equal(await db().dailyTeamScore.count({ where: { team: { slug: "team-moved" } } }), 1);
});
