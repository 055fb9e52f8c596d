import Link from "next/link";

export default function ScanNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Scan not found</h1>
      <p>
        No scan has this number.{" "}
        <Link href="/scans" className="text-sky-800 underline dark:text-sky-300">
          Back to the scans
        </Link>
        .
      </p>
    </div>
  );
}
