// POST /api/v1/sources/{id}/pause – stop its scheduled scans until resumed (scan now still works)
import { sourcePausingRoute } from "@/lib/api/source-pausing-route";

export const dynamic = "force-dynamic";

export const POST = sourcePausingRoute({ paused: true });
