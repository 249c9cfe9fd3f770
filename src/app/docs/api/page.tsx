import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { buildOpenApiDocument } from "@/server/openapi/document";
import { registry, type Access } from "@/server/openapi/registry";

// A readable rendering of /api/openapi.json, server-side only: the CSP allows no external
// scripts, and the page needs none. Public, like the document itself.

export const metadata: Metadata = { title: "API reference · EventOps" };

const ACCESS_LABEL: Record<Access, { text: string; variant: "default" | "secondary" | "warning" | "outline" }> = {
  user: { text: "Signed in", variant: "default" },
  admin: { text: "Admin", variant: "warning" },
  public: { text: "Public", variant: "secondary" },
  cron: { text: "Cron bearer", variant: "outline" },
  webhook: { text: "Signed webhook", variant: "outline" },
};

const METHOD_CLASS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PUT: "bg-amber-100 text-amber-800",
  PATCH: "bg-violet-100 text-violet-800",
  DELETE: "bg-rose-100 text-rose-800",
};

type Operation = ReturnType<typeof buildOpenApiDocument>["paths"][string][string];

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument();
  const tags = [...new Set(registry.map((e) => e.tag))].sort();
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">EventOps API reference</h1>
      <p className="text-muted-foreground mt-2 text-sm">
        Version {doc.info.version} · OpenAPI 3.1 · machine-readable at{" "}
        <a className="text-primary underline" href="/api/openapi.json">
          /api/openapi.json
        </a>
      </p>
      <p className="mt-3 text-sm">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Signed-in routes use the session cookie from the magic-link sign-in; cron routes take <code>Authorization: Bearer CRON_SECRET</code>. Errors are{" "}
        <code>{"{ success: false, error, code, details? }"}</code>.
      </p>

      <nav aria-label="Areas" className="mt-6 flex flex-wrap gap-2">
        {tags.map((tag) => (
          <a key={tag} href={`#${tag}`} className="bg-muted hover:bg-accent rounded-md px-2 py-1 text-xs font-medium">
            {tag}
          </a>
        ))}
      </nav>

      {tags.map((tag) => (
        <section key={tag} id={tag} className="mt-10 scroll-mt-4">
          <h2 className="border-b pb-2 text-lg font-semibold capitalize">{tag.replace(/-/g, " ")}</h2>
          <ul className="mt-3 space-y-3">
            {registry
              .filter((e) => e.tag === tag)
              .map((e) => {
                const op = doc.paths[e.path][e.method.toLowerCase()] as Operation;
                const access = ACCESS_LABEL[e.access];
                return (
                  <li key={`${e.method} ${e.path}`} className="rounded-lg border p-3">
                    <details>
                      <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                        <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-bold ${METHOD_CLASS[e.method]}`}>{e.method}</span>
                        <code className="text-sm break-all">{e.path}</code>
                        <Badge variant={access.variant}>{access.text}</Badge>
                        <span className="text-muted-foreground w-full text-sm sm:w-auto">{e.summary}</span>
                      </summary>
                      <div className="mt-3 space-y-3 text-sm">
                        {op.parameters.length > 0 && (
                          <div>
                            <h3 className="font-medium">Parameters</h3>
                            <ul className="mt-1 space-y-1">
                              {op.parameters.map((p) => (
                                <li key={`${p.in}-${p.name}`}>
                                  <code>{p.name}</code> <span className="text-muted-foreground">({p.in}{p.required ? ", required" : ""})</span>{" "}
                                  <code className="text-muted-foreground text-xs">{schemaSummary(p.schema)}</code>
                                </li>
                              ))}
                            </ul>
                          </div>
                        )}
                        {"requestBody" in op && op.requestBody && (
                          <div>
                            <h3 className="font-medium">JSON body</h3>
                            <pre className="bg-muted mt-1 max-h-80 overflow-auto rounded p-2 text-xs">{JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}</pre>
                          </div>
                        )}
                        {e.example && (
                          <div>
                            <h3 className="font-medium">Example</h3>
                            <pre className="bg-muted mt-1 overflow-auto rounded p-2 text-xs">{JSON.stringify(e.example, null, 2)}</pre>
                          </div>
                        )}
                        <p>
                          <span className="font-medium">Answers:</span> {Object.keys(op.responses).join(", ")}
                        </p>
                      </div>
                    </details>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </main>
  );
}

function schemaSummary(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  const parts = [String(schema.type ?? "any")];
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema.maximum === "number") parts.push(`≤ ${schema.maximum}`);
  return parts.join(", ");
}
