// POST /api/v1/sources/{id}/resume – put a paused source back on its schedule
import { sourcePausingRoute } from "@/lib/api/source-pausing-route";

export const dynamic = "force-dynamic";

export const POST = sourcePausingRoute({ paused: false });
