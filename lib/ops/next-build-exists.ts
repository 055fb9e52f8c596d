import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "@/lib/ops/bin-path";

/** True when `next build` has produced a production build that `next start` can serve. */
export function nextBuildExists(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}
