import { revalidatePath } from "next/cache";
import { DozenError, describeError } from "@/lib/errors";
import { createLogger } from "@/lib/log/logger";

/** What the ownership forms show after a submit: a sentence, an error or not. */
export interface OwnershipFormState {
  message: string;
  error?: boolean;
}

const log = createLogger({ process: "web" });

/**
 * The shared body of the ownership server actions: a refused role answers at once, else the change runs; a refusal Dozen worded
 * (no such team, an invalid pattern) is shown as it is, anything else logged and answered with a fixed
 * sentence. Every page shows owners, so the whole layout is revalidated.
 */
export async function runOwnershipAction(opts: {
  /** The caller's requireActionRole answer, asked first thing in the action. */
  allowed: { refused: string } | object;
  run: () => Promise<string>;
}): Promise<OwnershipFormState> {
  const { allowed } = opts;
  if ("refused" in allowed) return { message: allowed.refused, error: true };
  try {
    const message = await opts.run();
    revalidatePath("/", "layout");
    return { message };
  } catch (error) {
    if (error instanceof DozenError) return { message: error.message, error: true };
    if (error instanceof Error && error.name === "ZodError")
      return { message: "Fill in every field (a label rule's pattern is key=value).", error: true };
    log.error({ err: describeError(error) }, "an ownership change failed");
    return { message: "Could not save the change; the server log has the details.", error: true };
  }
}
