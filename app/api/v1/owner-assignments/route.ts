// POST /api/v1/owner-assignments – set the owner of many services to an existing team (or back to the rules)
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody } from "@/lib/api/read-request";
import { requireOwnerAssignment } from "@/lib/api/require-owner-assignment";
import { requireTeamMaintainer } from "@/lib/api/require-team-maintainer";
import { ownerAssignmentBody, ownerAssignmentResult } from "@/lib/api/schemas/ownership";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { assignServicesTeam } from "@/lib/persistence/assign-services-team";

export const dynamic = "force-dynamic";

// Admins, or maintainers of the team the services go to and of every team they leave (apiRoute lets any
// signed-in role in: a maintainer limited to teams is judged on the teams the body names).
export const POST = apiRoute(
  async (request, _context, principal) => {
    requireTeamMaintainer({ principal });
    const input = await readBody(request, ownerAssignmentBody);
    await requireOwnerAssignment({ principal, input });
    const body = await assignServicesTeam({ input, audit: await requestAuditContext({ request }) });
    return jsonResponse({ request, schema: ownerAssignmentResult, body });
  },
  { role: "viewer" },
);
