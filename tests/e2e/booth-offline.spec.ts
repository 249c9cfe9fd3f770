import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ timeout: 180_000 });

const VISITORS = [
  { name: "Ada Okafor", company: "Polar Cold Chain" },
  { name: "Lee Ortiz", company: "Brightyard" },
  { name: "Kim Park", company: "Harbor Drayage" },
  { name: "Sam Reyes", company: "Cascade Grocers" },
  { name: "Noor Haddad", company: "Tidewater 3PL" },
];

async function captureOffline(page: Page, visitor: { name: string; company: string }, stamp: string) {
  await page.getByTestId("capture-lead").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(visitor.name);
  await dialog.getByLabel("Company").fill(`${visitor.company} ${stamp}`);
  await dialog.getByLabel("Interests").fill("yard visibility, pilot");
  await dialog.getByRole("button", { name: "Hot" }).click();
  await dialog.getByRole("button", { name: "Save lead" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("capture-result")).toContainText(`Saved ${visitor.name}`);
}

/** Queue captures straight into the phone's IndexedDB, as if the rep had typed them offline. */
async function queueMoreCaptures(page: Page, count: number, stamp: string) {
  await page.evaluate(
    async ({ count, stamp }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("eventops-booth");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const existing = await new Promise<{ userId: string; eventId: string }[]>((resolve) => {
        const req = db.transaction("outbox").objectStore("outbox").getAll();
        req.onsuccess = () => resolve(req.result);
      });
      const { userId, eventId } = existing[0];
      const tx = db.transaction("outbox", "readwrite");
      for (let i = 0; i < count; i++) {
        const key = crypto.randomUUID();
        const createdAt = new Date(Date.now() - (count - i) * 1000).toISOString();
        const name = `Queued Visitor ${i + 1}`;
        const company = `Queued Freight ${stamp} ${i + 1}`;
        tx.objectStore("outbox").put({
          key, userId, eventId, label: `${name} · ${company}`, createdAt, state: "saved", attempts: 0,
          operation: { key, kind: "capture", lead: { name, company, rating: "warm", tags: [], source: "form", capturedAt: createdAt } },
        });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { count, stamp },
  );
}

test("a show day on a phone with the network gone: capture, complete, reload, reconnect, everything synced once", async ({ page, context }) => {
  await signIn(page, "maya@eventops.dev");
  const ctx = await (await page.request.get("/api/meetings/context")).json();
  const day: string = ctx.data.event.startDate;
  const people = await (await page.request.get("/api/meetings/attendees?q=o")).json();
  const person = people.data[1] as { id: string; name: string };
  const booked = await page.request.post("/api/meetings", {
    data: { personId: person.id, scheduledAt: `${day}T06:45`, durationMinutes: 30, sendInvite: false, allowConflicts: true, agenda: "Offline walkthrough" },
  });
  expect(booked.status()).toBe(201);
  const meetingId: string = (await booked.json()).data.meeting.id;

  // Online once: the service worker installs and keeps the booth page for offline use.
  await page.goto("/dashboard/booth");
  await expect(page.getByRole("heading", { level: 1, name: "Booth" })).toBeVisible();
  await page.waitForFunction(async () => (await caches.match("/dashboard/booth", { ignoreSearch: true, ignoreVary: true })) !== undefined, null, { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("/serwist/sw.js"), null, { timeout: 30_000 });
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/dashboard/booth", display: "standalone" });

  await context.setOffline(true);
  await expect(page.getByTestId("connection-status")).toContainText("Offline");
  const stamp = Date.now().toString(36);
  for (const visitor of VISITORS) await captureOffline(page, visitor, stamp);
  await expect(page.getByTestId("outbox-item").and(page.locator('[data-state="saved"]'))).toHaveCount(5);

  // Complete the meeting while offline: it moves to Done at once, on the phone.
  const card = page.getByTestId("booth-meeting").filter({ hasText: "Offline walkthrough" });
  await card.getByRole("button", { name: "Complete" }).click();
  await page.getByRole("dialog").getByLabel("Outcome").fill("Wants a pilot at two DCs");
  await page.getByRole("dialog").getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByTestId("booth-done").filter({ hasText: person.name }).filter({ hasText: "Completed" })).toBeVisible();
  await expect(page.getByTestId("connection-status")).toContainText("6 saved on this phone");
  await screenshot(page, "booth-offline-phone");

  // 45 more captures waiting (50 in all), then a reload with no network: the page comes from the
  // phone, and nothing is lost.
  await queueMoreCaptures(page, 45, stamp);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Booth" })).toBeVisible();
  await expect(page.getByTestId("connection-status")).toContainText("51 saved on this phone");
  await expect(page.getByTestId("booth-done").filter({ hasText: person.name }).filter({ hasText: "Completed" })).toBeVisible();
  // The stylesheet is a file, not inlined in the page: offline it comes from the phone as well.
  const linkedRules = await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.href?.endsWith(".css")).map((sheet) => sheet.cssRules.length));
  expect(linkedRules).toEqual([expect.any(Number)]);
  expect(linkedRules[0]).toBeGreaterThan(50);
  await screenshot(page, "booth-offline-reloaded-phone");

  // Back online: everything syncs by itself.
  const reconnected = Date.now();
  await context.setOffline(false);
  await expect(page.getByTestId("connection-status")).toContainText("all synced", { timeout: 30_000 });
  const seconds = (Date.now() - reconnected) / 1000;
  console.log(`booth sync: 50 captures + 1 meeting action synced ${seconds.toFixed(1)} s after reconnecting`);
  await expect(page.getByTestId("outbox-item").and(page.locator('[data-state="synced"]'))).toHaveCount(51);
  await screenshot(page, "booth-synced-phone");

  // On the server: each visitor once, the meeting completed.
  for (const visitor of VISITORS) {
    const found = await (await page.request.get(`/api/people?q=${encodeURIComponent(`${visitor.company} ${stamp}`)}`)).json();
    expect(found.data.items.map((p: { name: string }) => p.name)).toEqual([visitor.name]);
  }
  const meeting = await (await page.request.get(`/api/meetings/${meetingId}`)).json();
  expect(meeting.data).toMatchObject({ status: "COMPLETED", outcome: "Wants a pilot at two DCs" });

  // The phone sends the whole queue again (an answer got lost): nothing is created twice.
  const operations = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open("eventops-booth");
      open.onsuccess = () => resolve(open.result);
    });
    return new Promise<unknown[]>((resolve) => {
      const req = db.transaction("outbox").objectStore("outbox").getAll();
      req.onsuccess = () => resolve(req.result.map((i: { operation: unknown }) => i.operation));
    });
  });
  const again = await page.request.post("/api/booth/sync", { data: { operations } });
  expect(again.status()).toBe(200);
  const results = (await again.json()).data.results as { ok: boolean; replayed: boolean }[];
  expect(results).toHaveLength(51);
  expect(results.every((r) => r.ok && r.replayed)).toBe(true);
  const queued = await (await page.request.get(`/api/people?q=${encodeURIComponent(`Queued Freight ${stamp}`)}&pageSize=100`)).json();
  expect(queued.data.total).toBe(45);

  await expectNoHorizontalScroll(page);
});
