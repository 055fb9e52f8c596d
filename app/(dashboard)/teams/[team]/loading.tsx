import { PageSkeleton } from "@/components/ui/page-skeleton";

// Trend chart (h-48 plus its heading), fix first, factor tiles, services.
export default function TeamLoading() {
  return <PageSkeleton label="the team" blocks={["h-56", "h-40", "h-28", "h-72"]} />;
}
