"use client";
import { LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "@/components/ui/tooltip";
import { initials } from "@/lib/utils";
import { signOutAction } from "@/app/login/actions";

export type ShellUser = { name: string | null; email: string; image: string | null; role: "ADMIN" | "REP" };

export function UserMenu({ user }: { user: ShellUser }) {
  const signOutForm = useRef<HTMLFormElement>(null);
  const label = user.name ?? user.email;
  return (
    <TooltipProvider delayDuration={200}>
      <DropdownMenu>
        <Tooltip>
          <TooltipTrigger asChild>
            <DropdownMenuTrigger className="rounded-full" aria-label={`Account menu for ${label}`} data-testid="user-menu">
              <Avatar className="size-9">
                {user.image ? <AvatarImage src={user.image} alt="" /> : null}
                <AvatarFallback>{initials(user.name, user.email[0]?.toUpperCase())}</AvatarFallback>
              </Avatar>
            </DropdownMenuTrigger>
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
          {/* The form lives outside the menu: selecting an item closes (unmounts) the menu. */}
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()} data-testid="sign-out">
            <LogOut aria-hidden /> Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <form ref={signOutForm} action={signOutAction} hidden />
    </TooltipProvider>
  );
}
