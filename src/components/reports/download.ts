import type { ReportConfig } from "@/server/reports/config";

type Failure = { error: string };

/**
 * POSTs a report config for the server to render, and hands the answer to `read` (binary PDF or
 * HTML, so not via apiFetch). A refusal comes back as the server's sentence.
 */
async function renderReport<T>(eventId: string, config: ReportConfig, format: "pdf" | "html", read: (res: Response) => Promise<T>): Promise<T | Failure> {
  try {
    const res = await fetch("/api/reports/pdf", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...config, eventId, format }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      return { error: body?.error ?? `The server answered ${res.status}` };
    }
    return await read(res);
  } catch {
    return { error: "Network error — check your connection and try again" };
  }
}

/** Saves the PDF the server renders; the error sentence, or null when the download started. */
export async function downloadReportPdf(eventId: string, config: ReportConfig): Promise<string | null> {
  const saved = await renderReport(eventId, config, "pdf", async (res) => {
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "report.pdf";
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  });
  return saved?.error ?? null;
}

export async function fetchReportHtml(eventId: string, config: ReportConfig): Promise<{ html: string } | Failure> {
  return renderReport(eventId, config, "html", async (res) => ({ html: await res.text() }));
}
