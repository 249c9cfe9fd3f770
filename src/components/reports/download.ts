import type { ReportConfig } from "@/server/reports/config";

/** POSTs a report config and saves the PDF the server renders (binary, so not via apiFetch). */
export async function downloadReportPdf(eventId: string, config: ReportConfig): Promise<string | null> {
  try {
    const res = await fetch("/api/reports/pdf", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...config, eventId, format: "pdf" }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      return body?.error ?? `The server answered ${res.status}`;
    }
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
  } catch {
    return "Network error — check your connection and try again";
  }
}

export async function fetchReportHtml(eventId: string, config: ReportConfig): Promise<{ html: string } | { error: string }> {
  try {
    const res = await fetch("/api/reports/pdf", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...config, eventId, format: "html" }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      return { error: body?.error ?? `The server answered ${res.status}` };
    }
    return { html: await res.text() };
  } catch {
    return { error: "Network error — check your connection and try again" };
  }
}
