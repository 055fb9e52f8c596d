"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function TeamError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this team" {...props} />;
}
