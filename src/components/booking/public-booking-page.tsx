import Head from "next/head";
import { Loader2 } from "lucide-react";
import { formatDay } from "@/components/meetings/format";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatInZone } from "@/lib/time";
import type { bookingPage } from "@/server/booking/service";
import { BookingShell } from "./booking-shell";

export type PublicBookingPageProps = Awaited<ReturnType<typeof bookingPage>>;

/**
 * /book/<event> and /book/<event>/<rep> (src/pages/book): the free booth times and the form, as
 * plain server-rendered HTML. Nothing here hydrates: the page ships no framework JavaScript, only
 * public/booking.js, which enhances this markup (the visitor's own times, the summary, sending
 * the form as JSON to POST /api/booking/<event>, the busy state and errors) and, once booked, opens
 * the prospect's manage page, which shows the confirmation. The element ids and data-* attributes
 * below are what that script reads.
 *
 * Every show day is on the page at once (no tabs): it works before and without the script, a time
 * picked is always in view, and a phone scrolls; the day chips on top jump to a day. The times are
 * real radio inputs: one tab stop, arrow keys between times, checked state for screen readers.
 */
export function PublicBookingPage({ event, rep, days, formToken }: PublicBookingPageProps) {
  const title = rep?.name ? `Book a meeting with ${rep.name} at our booth` : "Book a meeting at our booth";
  const zone = event.timeZone.replace(/_/g, " ");
  return (
    <>
      <Head>
        <title>Book a booth meeting · EventOps</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
      </Head>
      <BookingShell event={event} title={title}>
        <p className="text-sm">
          {event.slotMinutes} minutes, in person at the booth. Pick a time that suits you — you&apos;ll get a calendar invite, and a link to move or cancel it.
        </p>
        <form id="booking-form" method="post" data-event={event.slug} data-time-zone={event.timeZone} className="flex flex-col gap-5">
          {rep?.slug ? <input type="hidden" name="rep" value={rep.slug} /> : null}
          <input type="hidden" name="formToken" value={formToken} />
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-base font-semibold">1. Pick a time</legend>
            {days.length === 0 ? (
              <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No times are open right now. Please check back later, or reply to our email.</p>
            ) : (
              <>
                {days.length > 1 ? (
                  <nav aria-label="Show days" className="flex gap-2 overflow-x-auto pb-1">
                    {days.map((d) => (
                      <a key={d.day} href={`#day-${d.day}`} className="inline-flex h-11 shrink-0 items-center rounded-full border bg-card px-4 text-sm hover:bg-muted">
                        {formatDay(d.day)}
                      </a>
                    ))}
                  </nav>
                ) : null}
                <p className="text-sm text-muted-foreground">
                  Times in the show&apos;s time zone ({zone})<span id="booking-visitor-zone"></span>.
                </p>
                {days.map((d) => (
                  <section key={d.day} id={`day-${d.day}`} aria-labelledby={`day-${d.day}-heading`} className="flex scroll-mt-4 flex-col gap-2">
                    <h2 id={`day-${d.day}-heading`} className="text-sm font-semibold">{formatDay(d.day)}</h2>
                    <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
                      {d.starts.map((iso) => (
                        <label key={iso} data-testid="slot" className="relative">
                          <input type="radio" name="start" value={iso} data-label={`${formatDay(d.day)}, ${formatInZone(iso, event.timeZone, "time")}`} className="peer sr-only" />
                          <span className="flex min-h-12 cursor-pointer flex-col items-center justify-center rounded-md border bg-card px-1 py-1.5 text-center text-sm font-medium tabular-nums peer-checked:border-primary peer-checked:bg-primary peer-checked:text-primary-foreground peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-focus-visible:ring-offset-2 hover:bg-muted peer-checked:hover:bg-primary">
                            {formatInZone(iso, event.timeZone, "time")}
                            <span data-visitor-time hidden className="text-xs font-normal"></span>
                          </span>
                        </label>
                      ))}
                    </div>
                  </section>
                ))}
              </>
            )}
          </fieldset>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-base font-semibold">2. Who are you?</legend>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="book-name">Your name</Label>
              <Input id="book-name" name="name" required minLength={2} autoComplete="name" className="h-12 text-base" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="book-company">Company</Label>
              <Input id="book-company" name="company" required autoComplete="organization" className="h-12 text-base" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="book-email">Work email</Label>
              <Input id="book-email" name="email" type="email" required autoComplete="email" inputMode="email" className="h-12 text-base" />
            </div>
            {/* The honeypot: people never see it, form-filling bots fill it (src/server/booking/service.ts). */}
            <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
              <label htmlFor="book-website">Website (leave empty)</label>
              <input id="book-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
          </fieldset>
          <p id="booking-summary" hidden className="text-sm"></p>
          <div id="booking-error-slot" className="contents"></div>
          <Button id="booking-submit" type="submit" size="lg" className="h-12 w-full text-base">
            <Loader2 data-busy-icon className="hidden animate-spin" aria-hidden /> Book this time
          </Button>
          <noscript>
            <p className="rounded-md bg-muted px-3 py-2 text-sm">Booking needs JavaScript, which is turned off in this browser. Turn it on and reload the page, or reply to our email with a time that suits you.</p>
          </noscript>
        </form>
      </BookingShell>
      <script src="/booking.js" defer />
    </>
  );
}
