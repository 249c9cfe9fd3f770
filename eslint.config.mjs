import next from "eslint-config-next";

/**
 * Layer boundaries the tools enforce (docs/ARCHITECTURE.md, "Boundaries"):
 * - a client component ("use client") never imports a value from src/server or the generated
 *   Prisma client: server code would be bundled for the browser (type-only imports are fine;
 *   shared constants live in src/lib);
 * - app code never imports the seed (prisma/seed): what the seed and the app share lives in src/lib.
 */
const boundaries = {
  rules: {
    "no-server-values-in-client": {
      meta: { type: "problem", messages: { server: "A client component imports '{{source}}', which is server code. Import types only (`import type`), or move what the browser needs to src/lib." } },
      create(context) {
        let client = false;
        const check = (node) => {
          const source = node.source?.value;
          if (!client || typeof source !== "string") return;
          if (!/^@\/(server|generated)(\/|$)/.test(source)) return;
          if (node.importKind === "type" || node.exportKind === "type") return;
          if (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type")) return;
          context.report({ node, messageId: "server", data: { source } });
        };
        return {
          Program(program) {
            client = program.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
          },
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
        };
      },
    },
  },
};

const config = [
  { ignores: ["src/generated/**", ".next/**", "coverage/**", ".data/**", "next-env.d.ts"] },
  ...next,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { boundaries },
    rules: {
      "boundaries/no-server-values-in-client": "error",
      "no-restricted-imports": ["error", { patterns: [{ regex: "(^|/)prisma/seed(/|$)", message: "App code never imports the seed: move what both need to src/lib." }] }],
    },
  },
  {
    // The environment is read and validated in one place. The instrumentation files are the
    // framework's entry points: Next.js inlines NEXT_RUNTIME and NEXT_PUBLIC_* there literally.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/env.ts", "src/instrumentation.ts", "src/instrumentation-client.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read the environment through env() in src/server/env.ts (validated there, documented in .env.example)." }],
    },
  },
];

export default config;
