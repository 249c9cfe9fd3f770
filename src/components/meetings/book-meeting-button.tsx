"use client";
import { useState } from "react";
import { CalendarPlus } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { MeetingDialog } from "./meeting-dialog";

/**
 * "Book meeting" for a person (person and account pages), or with a person search when no
 * personId is given (the meetings page's "New meeting").
 */
export function BookMeetingButton({ personId, label = "Book meeting", variant, size, className }: {
  personId?: string;
  label?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} className={className} onClick={() => setOpen(true)} data-testid="book-meeting">
        <CalendarPlus aria-hidden /> {label}
      </Button>
      <MeetingDialog open={open} onOpenChange={setOpen} personId={personId} />
    </>
  );
}
