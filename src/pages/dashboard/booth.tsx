import type { GetServerSideProps } from "next";
import { BoothPage, type BoothPageProps } from "@/components/booth/booth-page";
import type { BoothSnapshot } from "@/components/booth/booth-app";
import { findRequestActor } from "@/server/access/request-actor";
import { isAiConfigured } from "@/server/ai/client";
import { boothAgenda } from "@/server/booth/service";
import { isDemoInProduction } from "@/server/env";

// GET /dashboard/booth — the booth on a phone. A Pages Router page, hydrated, but without the App
// Router's runtime or the app shell's scripts (docs/ARCHITECTURE.md, "Why two Pages Router pages").
export const getServerSideProps: GetServerSideProps<BoothPageProps> = async ({ req }) => {
  const actor = await findRequestActor(req.headers.cookie);
  if (!actor) return { redirect: { destination: "/login", permanent: false } };
  const demoBanner = isDemoInProduction();
  if (!actor.event) return { props: { agenda: null, cardReading: false, demoBanner } };
  const agenda = await boothAgenda(actor, { firstView: true });
  // Dates become strings here, as the browser receives them (props are JSON).
  return { props: { agenda: JSON.parse(JSON.stringify(agenda)) as BoothSnapshot, cardReading: isAiConfigured(), demoBanner } };
};

export default BoothPage;
