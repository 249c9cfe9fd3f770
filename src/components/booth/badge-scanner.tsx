"use client";
import { useEffect, useRef, useState } from "react";
import { Loader2 } from "lucide-react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/**
 * Reads a badge's QR code through the phone's back camera. Decoding uses the browser's own
 * BarcodeDetector where it has one with QR support (Android Chrome, Safari 17+), else jsQR — plain
 * JavaScript, loaded only when the scanner opens, chosen over a WebAssembly decoder because it
 * needs no .wasm download (works offline from the precache) and no 'wasm-unsafe-eval' in the CSP.
 */

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

const SCAN_EVERY_MS = 120;
const SCAN_WIDTH = 640;

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    return (await Detector.getSupportedFormats()).includes("qr_code") ? new Detector({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "The camera is blocked for this site. Allow it in the browser's site settings, or type the details.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "This device has no camera we can use. Type the details instead.";
  if (name === "NotReadableError") return "Another app is using the camera. Close it and try again.";
  return "The camera could not be started. Type the details instead.";
}

export function BadgeScanner({ open, onOpenChange, onScan }: { open: boolean; onOpenChange: (open: boolean) => void; onScan: (text: string) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });

    async function start() {
      setProblem(null);
      setReady(false);
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem("This browser cannot use the camera here (the page must be opened over HTTPS). Type the details instead.");
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      } catch (error) {
        setProblem(cameraProblem(error));
        return;
      }
      if (stopped) return stream.getTracks().forEach((t) => t.stop());
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      setReady(true);
      const detector = await nativeDetector();
      const jsQR = detector ? null : (await import("jsqr")).default;
      const tick = async () => {
        if (stopped) return;
        if (video.readyState >= 2 && video.videoWidth > 0) {
          const text = detector ? await detectNative(detector, video) : decodeFrame(jsQR!, video, canvas, context);
          if (text && !stopped) {
            stopped = true;
            stream?.getTracks().forEach((t) => t.stop());
            onScan(text);
            return;
          }
        }
        timer = window.setTimeout(tick, SCAN_EVERY_MS);
      };
      void tick();
    }

    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [open, onScan]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Scan a badge</DialogTitle>
          <DialogDescription>Hold the badge&apos;s QR code inside the frame. The form fills in by itself.</DialogDescription>
        </DialogHeader>
        {problem ? (
          <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{problem}</p>
        ) : (
          <div className="relative aspect-[4/3] w-full overflow-hidden rounded-lg bg-black">
            <video ref={videoRef} muted playsInline className="size-full object-cover" aria-label="Camera preview" data-testid="scanner-video" />
            <div className="pointer-events-none absolute inset-[18%] rounded-lg border-2 border-white/80" aria-hidden />
            {!ready ? (
              <p className="absolute inset-0 flex items-center justify-center gap-2 text-sm text-white" role="status">
                <Loader2 className="size-4 animate-spin" aria-hidden /> Starting the camera…
              </p>
            ) : null}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

async function detectNative(detector: BarcodeDetectorLike, video: HTMLVideoElement): Promise<string | null> {
  try {
    const found = await detector.detect(video);
    return found[0]?.rawValue || null;
  } catch {
    return null;
  }
}

type JsQr = typeof import("jsqr").default;

function decodeFrame(jsQR: JsQr, video: HTMLVideoElement, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D | null): string | null {
  if (!context) return null;
  const scale = Math.min(1, SCAN_WIDTH / video.videoWidth);
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data || null;
}
