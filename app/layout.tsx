import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { UserMenu } from "@/components/auth/user-menu";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { ThemeToggle, THEME_BOOT_SCRIPT } from "@/components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dozen", template: "%s · Dozen" },
  description: "Twelve-factor scorecards for every service in your fleet",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts made for this request (reading it also renders every page per request, as nonces need).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const principal = await readPagePrincipal();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 max-sm:gap-x-4">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Dozen
            </Link>
            {[
              ["/", "Overview"],
              ["/teams", "Teams"],
              ["/initiatives", "Initiatives"],
              ["/sources", "Sources"],
              ["/scans", "Scans"],
              // Admins only: the page checks the role again itself.
              ...(principal && allows(principal, "admin")
                ? [
                    ["/settings/ownership", "Ownership"],
                    ["/settings/tokens", "API tokens"],
                    ["/audit", "Audit log"],
                  ]
                : []),
            ].map(([href, label]) => (
              <Link
                key={href}
                href={href!}
                className="text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
              >
                {label}
              </Link>
            ))}
            <ThemeToggle />
            <UserMenu principal={principal} />
          </nav>
        </header>
        <Providers>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
