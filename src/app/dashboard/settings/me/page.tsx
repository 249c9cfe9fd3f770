import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { MySettingsForm } from "@/components/settings/my-settings-form";
import { getMySettings } from "@/server/users/settings";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "My settings · Settings" };

export default async function MySettingsPage() {
  const actor = await getActor();
  const settings = await getMySettings(actor.id);
  return (
    <>
      <PageHeader title="Settings" description="Your own sending identity, limits, time zone and notifications." />
      <SettingsNav />
      <MySettingsForm initial={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
      {/* Availability for the public booking page goes here (added with the booking feature). */}
    </>
  );
}
