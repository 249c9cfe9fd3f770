"use client";
import { useRef } from "react";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { useDeferredMenu } from "@/components/ui/deferred-menu";
import { initials } from "@/lib/utils";
import { signOutAction } from "@/app/login/actions";
import type { ShellUser } from "./types";


const loadMenu = () => import("./user-menu-content");

/** The avatar in the header: who is signed in; its menu (settings, sign out) loads when wanted. */
export function UserMenu({ user }: { user: ShellUser }) {
  const signOutForm = useRef<HTMLFormElement>(null);
  const menu = useDeferredMenu(loadMenu);
  const label = user.name ?? user.email;
  const triggerProps = { className: "rounded-full", "aria-label": `Account menu for ${label}`, "data-testid": "user-menu" };
  const avatar = (
    <Avatar className="size-9">
      {user.image ? <AvatarImage src={user.image} alt="" /> : null}
      <AvatarFallback>{initials(user.name, user.email[0]?.toUpperCase())}</AvatarFallback>
    </Avatar>
  );
  return (
    <>
      {menu.module ? (
        <menu.module.UserMenuContent user={user} label={label} defaultOpen={menu.openOnMount} trigger={avatar} triggerProps={triggerProps} signOut={() => signOutForm.current?.requestSubmit()} />
      ) : (
        <button {...menu.standInProps} {...triggerProps}>{avatar}</button>
      )}
      {/* The form lives outside the menu: selecting an item closes (unmounts) the menu. */}
      <form ref={signOutForm} action={signOutAction} hidden />
    </>
  );
}
