"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Loader2, Trash2, UserPlus } from "lucide-react";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { initials } from "@/lib/utils";
import { FormMessage } from "@/components/ui/form-message";

type Role = "ADMIN" | "REP";
type Member = { id: string; name: string | null; email: string; role: Role; title: string | null };
type PendingInvite = { id: string; email: string; role: Role; createdAt: string };

export function TeamSettings({ currentUserId, isAdmin, members, invites }: {
  currentUserId: string;
  isAdmin: boolean;
  members: Member[];
  invites: PendingInvite[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [dialog, ask] = useConfirm();

  async function call(url: string, method: string, body?: unknown, ok?: string) {
    setMessage(null);
    const result = await apiFetch(url, { method, body });
    if (!result.success) {
      setMessage({ kind: "error", text: result.error });
      return false;
    }
    if (ok) setMessage({ kind: "ok", text: ok });
    startTransition(() => router.refresh());
    return true;
  }

  async function onInvite(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "");
    const result = await apiFetch<{ emailSent: boolean; signInUrl: string }>("/api/team/invites", { method: "POST", body: { email, role: data.get("role") } });
    if (!result.success) return setMessage({ kind: "error", text: result.error });
    setMessage(result.data.emailSent
      ? { kind: "ok", text: `Invited ${email}. We emailed them a sign-in link.` }
      : { kind: "error", text: `Invited ${email}, but the invitation email could not be sent. Send them this link: ${result.data.signInUrl}` });
    form.reset();
    startTransition(() => router.refresh());
  }

  return (
    <div className="grid gap-6">
      {dialog}
      <Card>
        <CardHeader>
          <CardTitle>Team</CardTitle>
          <CardDescription>
            {isAdmin ? "Invite teammates, change roles, or remove access. Removing someone signs them out everywhere at once." : "Only admins can change the team."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 [&>*]:min-w-0">
          <FormMessage message={message} />
          {isAdmin ? (
            <form onSubmit={onInvite} className="flex flex-col gap-3 rounded-lg border bg-muted/40 p-4 sm:flex-row sm:items-end">
              <div className="flex flex-1 flex-col gap-1.5">
                <Label htmlFor="invite-email">Email</Label>
                <Input id="invite-email" name="email" type="email" required placeholder="teammate@company.com" />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="invite-role">Role</Label>
                <select id="invite-role" name="role" defaultValue="REP" className="h-9 rounded-md border border-input bg-card px-2 text-sm">
                  <option value="REP">Rep</option>
                  <option value="ADMIN">Admin</option>
                </select>
              </div>
              <Button type="submit" disabled={pending}>
                {pending ? <Loader2 className="animate-spin" aria-hidden /> : <UserPlus aria-hidden />} Invite
              </Button>
            </form>
          ) : null}
          <ul className="divide-y rounded-lg border" aria-label="Teammates">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <Avatar><AvatarFallback>{initials(m.name, m.email[0]?.toUpperCase())}</AvatarFallback></Avatar>
                <div className="min-w-0 flex-1">
                  <div className="truncate text-sm font-medium">{m.name ?? m.email}{m.id === currentUserId ? " (you)" : ""}</div>
                  <div className="truncate text-xs text-muted-foreground">{m.email}{m.title ? ` · ${m.title}` : ""}</div>
                </div>
                {isAdmin && m.id !== currentUserId ? (
                  <>
                    <select
                      aria-label={`Role for ${m.email}`}
                      value={m.role}
                      onChange={(e) => call(`/api/team/${m.id}`, "PATCH", { role: e.target.value }, `${m.email} is now ${e.target.value === "ADMIN" ? "an admin" : "a rep"}.`)}
                      className="h-8 rounded-md border border-input bg-card px-2 text-sm"
                    >
                      <option value="REP">Rep</option>
                      <option value="ADMIN">Admin</option>
                    </select>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${m.email}`}
                      onClick={() =>
                        ask({ title: `Remove ${m.email}?`, description: "They will be signed out everywhere and can no longer sign in.", confirmLabel: "Remove", destructive: true }, async () => {
                          await call(`/api/team/${m.id}`, "DELETE", undefined, `${m.email} was removed.`);
                          return null;
                        })
                      }
                    >
                      <Trash2 aria-hidden /> Remove
                    </Button>
                  </>
                ) : (
                  <Badge variant={m.role === "ADMIN" ? "default" : "secondary"}>{m.role === "ADMIN" ? "Admin" : "Rep"}</Badge>
                )}
              </li>
            ))}
          </ul>
          {invites.length > 0 ? (
            <div>
              <h3 className="mb-2 text-sm font-medium">Pending invites</h3>
              <ul className="divide-y rounded-lg border" aria-label="Pending invites">
                {invites.map((i) => (
                  <li key={i.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
                    <span className="flex-1 truncate">{i.email}</span>
                    <Badge variant="secondary">{i.role === "ADMIN" ? "Admin" : "Rep"}</Badge>
                    {isAdmin ? (
                      <Button variant="ghost" size="sm" onClick={() => call(`/api/team/invites/${i.id}`, "DELETE", undefined, `Invite for ${i.email} revoked.`)}>
                        Revoke
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
