"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { updateInitiative } from "@/lib/initiatives/update-initiative";

/** The form's fields as typed, kept when refused. */
export type InitiativeFormValues = Record<
  | "name"
  | "description"
  | "owner"
  | "goalKind"
  | "checkId"
  | "factor"
  | "min"
  | "grade"
  | "teams"
  | "kinds"
  | "sources"
  | "tiers"
  | "startsOn"
  | "deadline",
  string
>;

export interface InitiativeFormState {
  /** Per field (name, goal.checkId, scope.teams, deadline, …), what is wrong with it. */
  errors?: Record<string, string>;
  refused?: string;
  values?: InitiativeFormValues;
}

const list = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** The form's flat fields as the one input shape createInitiative and updateInitiative take (the API's). */
function toInput(v: InitiativeFormValues) {
  const goal =
    v.goalKind === "check"
      ? { kind: "check", checkId: v.checkId }
      : v.goalKind === "factor"
        ? { kind: "factor", factor: v.factor, min: v.min || undefined }
        : v.goalKind === "score"
          ? { kind: "score", min: v.min || undefined }
          : { kind: v.goalKind, min: v.grade };
  return {
    name: v.name,
    description: v.description,
    owner: v.owner,
    goal,
    scope: { teams: list(v.teams), kinds: list(v.kinds), sources: list(v.sources), tiers: list(v.tiers) },
    ...(v.startsOn ? { startsOn: v.startsOn } : {}),
    deadline: v.deadline,
  };
}

/**
 * Server action of the new and edit initiative forms: admins only, validated by the same schemas as
 * `POST /api/v1/initiatives` and `PATCH /api/v1/initiatives/{slug}` (`slug` set: an edit). Goes to the
 * initiative's page when saved.
 */
export async function saveInitiative(_prev: InitiativeFormState, form: FormData): Promise<InitiativeFormState> {
  const allowed = await requireActionRole({ role: "admin" });
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const values = Object.fromEntries(
    ["name", "description", "owner", "goalKind", "checkId", "factor", "min", "grade", "teams", "sources", "startsOn", "deadline"].map(
      (k) => [k, field(k)],
    ),
  ) as InitiativeFormValues;
  values.kinds = form.getAll("kinds").map(String).join(",");
  values.tiers = form.getAll("tiers").map(String).join(",");
  if ("refused" in allowed) return { refused: allowed.refused, values };
  const slug = field("slug");
  let saved: string;
  try {
    const audit = await requestAuditContext();
    saved = slug
      ? (await updateInitiative({ slug, input: toInput(values), audit })).slug
      : (await createInitiative({ input: toInput(values), audit })).slug;
  } catch (error) {
    if (error instanceof ValidationError) return { errors: { ...error.fields }, values };
    if (error instanceof NotFoundError) return { refused: error.message, values };
    throw error;
  }
  revalidatePath("/initiatives");
  redirect(`/initiatives/${saved}`);
}
