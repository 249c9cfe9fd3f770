import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

/**
 * A badge's QR code shown to Chromium's fake camera: the QR is drawn into a Y4M video (what
 * --use-file-for-fake-video-capture plays in a loop), so the real getUserMedia → decoder → form
 * path runs, with no camera and no stub.
 */
const stamp = Date.now().toString(36);
const VCARD = ["BEGIN:VCARD", "VERSION:3.0", "N:Vega;Robin", "FN:Robin Vega", `ORG:Dockside Freight ${stamp}`, "TITLE:VP Yard Operations", `EMAIL;TYPE=WORK:robin@dockside-${stamp}.test`, "END:VCARD"].join("\r\n");

function qrVideo(text: string): string {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const scale = Math.floor((height * 0.8) / (modules + 8));
  const side = (modules + 8) * scale;
  const left = Math.floor((width - side) / 2) + 4 * scale;
  const top = Math.floor((height - side) / 2) + 4 * scale;
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(16, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const file = path.resolve("test-results", "badge-qr.y4m");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return file;
}

const video = qrVideo(VCARD);

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  permissions: ["camera"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});
test.describe.configure({ timeout: 120_000 });

test("scan a badge's vCard QR with the camera: the capture form fills in", async ({ page }) => {
  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard/booth");
  await page.getByTestId("capture-lead").click();
  await page.getByTestId("scan-badge").click();
  await expect(page.getByTestId("scanner-video")).toBeVisible();

  const dialog = page.getByRole("dialog", { name: "Capture a walk-up" });
  await expect(dialog.getByLabel("Name")).toHaveValue("Robin Vega", { timeout: 20_000 });
  await expect(dialog.getByLabel("Company")).toHaveValue(`Dockside Freight ${stamp}`);
  await expect(dialog.getByLabel("Email")).toHaveValue(`robin@dockside-${stamp}.test`);
  await expect(dialog.getByLabel("Title")).toHaveValue("VP Yard Operations");
  await expect(dialog.getByTestId("scan-status")).toContainText("Filled from the badge (vCard)");
  // The e2e server connects an AI endpoint (the loopback fake), so card reading is offered beside
  // the scanner; without one the button says "Card reading off" (tests/integration/booth-card-read).
  await expect(dialog.getByTestId("read-card")).toBeEnabled();
  await expect(dialog.getByTestId("read-card")).toHaveText(/Read a card/);
  await screenshot(page, "booth-scan-phone");

  await dialog.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByTestId("capture-result")).toContainText(`Added Robin Vega at Dockside Freight ${stamp} — a new account.`);
  const found = await (await page.request.get(`/api/people?q=${encodeURIComponent(`robin@dockside-${stamp}.test`)}`)).json();
  expect(found.data.items).toHaveLength(1);
  expect(found.data.items[0]).toMatchObject({ name: "Robin Vega", title: "VP Yard Operations" });
});
