"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function ServiceError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this service" {...props} />;
}
