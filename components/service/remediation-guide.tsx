/**
 * A rule's remediation guide as renderGuideHtml made it on the server (markdown without raw HTML, code
 * highlighted, repository values escaped as text): only laid out here, so the browser ships no highlighter.
 */
export function RemediationGuide({ html }: { html: string }) {
  return (
    <div
      className="guide mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-2 [&_pre]:text-xs [&_pre]:text-slate-100 [&_ul]:list-disc"
      data-testid="remediation-guide"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
