import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function TeamsLoading() {
  return <PageSkeleton label="the teams" blocks={["h-24", "h-24", "h-24"]} />;
}
