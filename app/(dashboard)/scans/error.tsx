"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function ScansError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the scans" {...props} />;
}
