"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function TeamsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the teams" {...props} />;
}
