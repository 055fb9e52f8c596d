import Markdown from "react-markdown";

/** A rule's remediation guide, rendered from its markdown; raw HTML in guides is not rendered. */
export function RemediationGuide({ markdown }: { markdown: string }) {
  return (
    <div className="guide mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-2 [&_pre]:text-xs [&_pre]:text-slate-100 [&_ul]:list-disc">
      <Markdown>{markdown}</Markdown>
    </div>
  );
}
