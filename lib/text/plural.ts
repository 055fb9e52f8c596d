import { INVARIANT_NOUNS, IRREGULAR_NOUNS, IRREGULAR_VERBS } from "@/lib/text/plural-forms";

// Messages are stored and compared across scans: one fixed locale, never the machine's.
const RULES = new Intl.PluralRules("en-US");
const NUMBER = new Intl.NumberFormat("en-US");

/**
 * A count and its noun in agreement: "1 dependency", "3 dependencies", "0 files", "1,200 places". With `verb`
 * (its plural form, as after "they"), the verb agrees too: `plural(1, "file", { verb: "lack" })` is
 * "1 file lacks", `plural(2, "file", { verb: "lack" })` "2 files lack". In a phrase only the last word is
 * inflected ("build step" → "build steps"). `Intl.PluralRules` picks the form; the plural of a noun follows the
 * English suffix rules, with the irregular and invariant ones in lib/text/plural-forms.ts.
 */
export function plural(count: number, noun: string, opts: { verb?: string } = {}): string {
  const one = RULES.select(count) === "one";
  const words = `${NUMBER.format(count)} ${one ? noun : pluralNoun(noun)}`;
  if (!opts.verb) return words;
  return `${words} ${one ? singularVerb(opts.verb) : opts.verb}`;
}

/** The plural of a noun or of a phrase's last word: "dependency" → "dependencies", "Service" → "Services". */
export function pluralNoun(noun: string): string {
  return inflectLast(noun, (word) => {
    const lower = word.toLowerCase();
    if (INVARIANT_NOUNS.has(lower)) return word;
    const irregular = IRREGULAR_NOUNS[lower];
    return irregular ? matchCase(irregular, word) : addS(word);
  });
}

/** "lack" → "lacks", "are" → "is", "exec" → "execs": the form that agrees with one subject. */
function singularVerb(verb: string): string {
  return inflectLast(verb, (word) => {
    const irregular = IRREGULAR_VERBS[word.toLowerCase()];
    return irregular ? matchCase(irregular, word) : addS(word);
  });
}

function inflectLast(phrase: string, inflect: (word: string) => string): string {
  const match = /^(.*?)([\p{L}\p{N}]+)([^\p{L}\p{N}]*)$/u.exec(phrase);
  if (!match) return phrase;
  const [, head = "", word = "", tail = ""] = match;
  return `${head}${inflect(word)}${tail}`;
}

/** English suffix rules: box → boxes, policy → policies, key → keys, file → files (an all-caps word keeps caps). */
function addS(word: string): string {
  const upper = word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  if (upper) return `${word}s`; // acronyms: "URLs", "APIs"
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh|[^aeiou]o)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

function matchCase(form: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}
