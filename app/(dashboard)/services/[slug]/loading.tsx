import { PageSkeleton } from "@/components/ui/page-skeleton";

// Header with owner and score, fix first, score history (h-48 chart), factor cards, findings.
export default function ServiceLoading() {
  return <PageSkeleton label="the service" blocks={["h-16", "h-40", "h-56", "h-40", "h-96"]} />;
}
