import { PageSkeleton } from "@/components/ui/page-skeleton";

// The overview's shape: summary cards, movers, the trend chart (h-48 as drawn) and the heatmap.
export default function OverviewLoading() {
  return <PageSkeleton label="the overview" blocks={["h-36", "h-40", "h-56", "h-96"]} />;
}
