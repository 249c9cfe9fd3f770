import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PrivacySettingsForm, RetentionPreview } from "@/components/settings/privacy-settings";
import { getActor } from "@/server/access/page-actor";
import { getEventPrivacy } from "@/server/events/service";
import { getPrivacySettings } from "@/server/privacy/settings";
import { previewRetention } from "@/server/privacy/retention";

export const metadata: Metadata = { title: "Privacy · Settings" };

export default async function PrivacySettingsPage() {
  const actor = await getActor();
  const isAdmin = actor.role === "ADMIN";
  const [settings, preview, event] = await Promise.all([
    getPrivacySettings(),
    isAdmin ? previewRetention() : null,
    actor.event ? getEventPrivacy(actor.event.id) : null,
  ]);
  return (
    <>
      <PageHeader title="Settings" description="Who sends our email, why recipients hear from us, and how long we keep prospects. docs/PRIVACY.md explains it for a legal team." />
      <SettingsNav />
      <PrivacySettingsForm isAdmin={isAdmin} initial={settings} event={event} />
      {preview ? (
        <div className="mt-6">
          <RetentionPreview
            retentionMonths={preview.retentionMonths}
            until={preview.until.toISOString()}
            people={preview.people.map((p) => ({ id: p.id, name: p.name, account: p.account, event: p.event, dueAt: new Date(p.dueAt).toISOString() }))}
          />
        </div>
      ) : null}
    </>
  );
}
