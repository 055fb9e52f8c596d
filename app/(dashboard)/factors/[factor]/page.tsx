import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findFactor } from "@/lib/factors/factors";
import { FACTOR_EXPLANATIONS } from "@/lib/factors/factor-explanations";
import { getFactorReport } from "@/lib/factor-report/get-factor-report";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";

const count = new Intl.NumberFormat("en");

type Props = { params: Promise<{ factor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: findFactor((await params).factor)?.name ?? "Factor" };
}

export default async function FactorPage({ params }: Props) {
  const factor = findFactor((await params).factor);
  if (!factor) notFound();
  const { checks } = await getFactorReport({ factor: factor.id });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">
          {factor.roman}. {factor.name}
        </h1>
        <p className="mt-1 font-medium">{factor.summary}</p>
        <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">{FACTOR_EXPLANATIONS[factor.id]}</p>
      </div>
      <section aria-labelledby="checks-heading">
        <div className="mb-2 flex items-baseline justify-between">
          <h2 id="checks-heading" className="text-lg font-semibold">
            Checks
          </h2>
          <CsvLink table="checks" params={{ factor: factor.id }} />
        </div>
        <ul className="space-y-2">
          {checks.map((c) => (
            <li
              key={c.id}
              id={`check-${c.id}`}
              className="scroll-mt-4 rounded border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
              data-testid="factor-check"
            >
              <div className="flex flex-wrap items-baseline gap-2">
                <h3 className="font-medium">{c.title}</h3>
                <code className="text-xs text-slate-600 dark:text-slate-400">{c.id}</code>
                {c.cluster ? (
                  <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">cluster</span>
                ) : null}
                <span className="ml-auto text-xs tabular-nums">
                  {c.passed + c.failed === 0
                    ? c.cluster
                      ? "not judged yet: no cluster audit covers a live service"
                      : "not judged in any live service"
                    : `${count.format(c.passed)} pass · ${count.format(c.failed)} fail`}{" "}
                  · effort {c.effort}
                </span>
              </div>
              <p className="mt-1 text-slate-700 dark:text-slate-300">{c.rationale}</p>
              {c.failed ? (
                <p className="mt-1 text-xs" data-testid="factor-check-failing">
                  {c.failed > c.failing.length ? `Failing, worst first (${c.failing.length} of ${count.format(c.failed)}): ` : "Failing: "}
                  {c.failing.map((s, i) => (
                    <span key={s.slug}>
                      {i ? ", " : ""}
                      <Link href={`/services/${s.slug}`} className="text-sky-800 underline dark:text-sky-300">
                        {s.name}
                      </Link>
                    </span>
                  ))}
                  {" · "}
                  <Link href={`/?check=${encodeURIComponent(c.id)}`} className="text-sky-800 underline dark:text-sky-300">
                    {c.failed > c.failing.length ? `all ${count.format(c.failed)} in the heatmap` : "in the heatmap"}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
