// English forms the suffix rules of lib/text/plural.ts get wrong, as data: add a row when a message needs one.
// Keys are lower case; the inflected word keeps the case of the word it replaces ("Child" → "Children").

/** Nouns whose plural is not the noun plus -s, -es or consonant-y → -ies. */
export const IRREGULAR_NOUNS: Readonly<Record<string, string>> = {
  child: "children",
  person: "people",
  man: "men",
  woman: "women",
  foot: "feet",
  mouse: "mice",
  analysis: "analyses",
  hypothesis: "hypotheses",
  criterion: "criteria",
  // -o nouns of software take -s, not -es.
  repo: "repos",
  demo: "demos",
  memo: "memos",
  photo: "photos",
  video: "videos",
  proto: "protos",
};

/** Nouns that are the same in the singular and the plural (or are only ever plural). */
export const INVARIANT_NOUNS: ReadonlySet<string> = new Set(["data", "metadata", "series", "species", "sheep"]);

/** Verbs whose third-person singular is not the base plus -s, -es or consonant-y → -ies, by their plural form. */
export const IRREGULAR_VERBS: Readonly<Record<string, string>> = {
  are: "is",
  were: "was",
  have: "has",
};
