"use client";

import { useState } from "react";
import { useFindingGuide } from "@/lib/guides/use-finding-guide";
import { RemediationGuide } from "@/components/service/remediation-guide";

/**
 * "How to fix", closed until someone opens it: only then is the finding's guide fetched and shown (the
 * service page carries none of its guides, see useFindingGuide).
 */
export function FindingGuide({ slug, ruleId, origin }: { slug: string; ruleId: string; origin: "repository" | "cluster" }) {
  const [opened, setOpened] = useState(false);
  const guide = useFindingGuide({ slug, ruleId, origin, enabled: opened });
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>How to fix</summary>
      {!opened ? null : guide.data ? (
        <RemediationGuide html={guide.data.html} />
      ) : guide.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          The guide could not be loaded.{" "}
          <button type="button" className="underline" onClick={() => void guide.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" aria-busy="true">
          Loading the guide…
        </p>
      )}
    </details>
  );
}
