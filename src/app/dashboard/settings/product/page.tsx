import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { ProductProfileForm } from "@/components/settings/product-profile-form";
import { ScoringSettings } from "@/components/scoring/scoring-settings";
import { ROI_TEMPLATES } from "@/server/roi/templates";
import { getIcpWeightsWithMeta } from "@/server/scoring/service";
import { getSellerProfileWithMeta } from "@/server/seller/service";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Our product · Settings" };

export default async function ProductSettingsPage() {
  const actor = await getActor();
  const [{ profile, isDefault }, scoring] = await Promise.all([getSellerProfileWithMeta(), getIcpWeightsWithMeta()]);
  const templates = Object.values(ROI_TEMPLATES).map((t) => ({
    id: t.id,
    label: t.label,
    description: t.description,
    inputs: Object.entries(t.inputs).map(([key, meta]) => ({ key, label: meta.label, unit: meta.unit, default: t.defaults({ facilityCount: null, employeeCount: null, revenue: null, industry: null }).values[key] })),
  }));
  return (
    <>
      <PageHeader title="Settings" description="What we sell, to whom, and why it pays: every draft, research note, ICP score and ROI model reads this." />
      <SettingsNav />
      <ProductProfileForm isAdmin={actor.role === "ADMIN"} initial={profile} isDefault={isDefault} templates={templates} />
      <div className="mt-6">
        <ScoringSettings isAdmin={actor.role === "ADMIN"} initial={scoring.weights} defaults={scoring.defaults} />
      </div>
    </>
  );
}
