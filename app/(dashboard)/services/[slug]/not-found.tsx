import Link from "next/link";

export default function ServiceNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Service not found</h1>
      <p>
        No service has this name. It may have been renamed or removed from its source.{" "}
        <Link href="/" className="text-sky-800 underline dark:text-sky-300">
          Back to the overview
        </Link>
        .
      </p>
    </div>
  );
}
