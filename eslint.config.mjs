// ESLint (flat config): Next.js's rules (core web vitals, React, hooks, a11y, import) and typescript-eslint's
// recommended set; Prettier owns formatting, so its conflicting rules are off. `npm run lint`, part of `npm test`.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

export default [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".dozen/**",
      "lib/generated/**",
      "examples/**",
      "**/fixtures/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "e2e/screenshots/**",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      // `_name` marks a value kept on purpose (a destructured field left out, an unused callback argument).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "import/no-anonymous-default-export": "off",
    },
  },
  {
    // Test helpers named use* (useTestDatabase) set up a test file's database; they are not React hooks.
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];
