import Markdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import { CODE_LANGUAGES } from "@/lib/guides/code-languages";

// Fenced blocks name their language (```yaml, ```dockerfile); unnamed ones (the finding's own snippet) and
// unknown ones (```gitignore) stay plain rather than guessed.
const HIGHLIGHT: [typeof rehypeHighlight, Parameters<typeof rehypeHighlight>[0]] = [
  rehypeHighlight,
  { languages: CODE_LANGUAGES, detect: false },
];

/** A rule's remediation guide, rendered from its markdown with highlighted code; raw HTML in guides is not rendered. */
export function RemediationGuide({ markdown }: { markdown: string }) {
  return (
    <div className="guide mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-2 [&_pre]:text-xs [&_pre]:text-slate-100 [&_ul]:list-disc">
      <Markdown rehypePlugins={[HIGHLIGHT]}>{markdown}</Markdown>
    </div>
  );
}
