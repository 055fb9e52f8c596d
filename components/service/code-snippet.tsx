import { Fragment } from "react";
import { jsx, jsxs } from "react/jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { languageOfPath, lowlight } from "@/lib/guides/code-languages";

/** An evidence snippet, highlighted in its file's language when Dozen knows it (server-rendered: no highlighter ships to the browser). */
export function CodeSnippet({ code, path }: { code: string; path: string }) {
  const lang = languageOfPath(path);
  return (
    <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-slate-100">
      <code className={lang ? `hljs language-${lang}` : undefined} data-language={lang ?? undefined}>
        {lang ? toJsxRuntime(lowlight.highlight(lang, code), { Fragment, jsx, jsxs }) : code}
      </code>
    </pre>
  );
}
