"use client";
import type { ComponentProps, ReactNode } from "react";
import Link from "next/link";
import { LogOut, Settings } from "lucide-react";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "@/components/ui/tooltip";
import type { ShellUser } from "./types";

/** The account menu and the avatar's tooltip (Radix), loaded when the avatar is first pointed at or pressed (UserMenu). */
export function UserMenuContent({ user, label, defaultOpen, trigger, triggerProps, signOut }: {
  user: ShellUser;
  label: string;
  defaultOpen: boolean;
  trigger: ReactNode;
  triggerProps: ComponentProps<"button">;
  signOut: () => void;
}) {
  return (
    <TooltipProvider delayDuration={200}>
      <DropdownMenu defaultOpen={defaultOpen}>
        <Tooltip>
          <TooltipTrigger asChild>
            <DropdownMenuTrigger {...triggerProps}>{trigger}</DropdownMenuTrigger>
          </TooltipTrigger>
          <TooltipContent side="bottom">{label} · {user.role === "ADMIN" ? "Admin" : "Rep"}</TooltipContent>
        </Tooltip>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>
            <span className="block text-sm font-medium text-foreground">{label}</span>
            <span className="block font-normal">{user.email}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/dashboard/settings"><Settings aria-hidden /> Settings</Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={signOut} data-testid="sign-out">
            <LogOut aria-hidden /> Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </TooltipProvider>
  );
}
