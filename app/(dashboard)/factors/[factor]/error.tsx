"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function FactorError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this factor" {...props} />;
}
