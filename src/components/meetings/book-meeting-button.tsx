"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { CalendarPlus } from "lucide-react";
import { Button, type TriggerButtonProps } from "@/components/ui/button";

// The booking form (person search, slots, attendees) is a large module: it loads on the first
// click, not with every person and account page.
const MeetingDialog = dynamic(() => import("./meeting-dialog").then((m) => m.MeetingDialog), { ssr: false });

/**
 * "Book meeting" for a person (person and account pages), or with a person search when no
 * personId is given (the meetings page's "New meeting").
 */
export function BookMeetingButton({ personId, label = "Book meeting", variant, size, className }: { personId?: string } & TriggerButtonProps) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} className={className} onClick={() => { setUsed(true); setOpen(true); }} data-testid="book-meeting">
        <CalendarPlus aria-hidden /> {label}
      </Button>
      {used ? <MeetingDialog open={open} onOpenChange={setOpen} personId={personId} /> : null}
    </>
  );
}
