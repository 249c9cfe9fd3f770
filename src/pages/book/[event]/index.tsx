import type { GetServerSideProps, PageConfig } from "next";
import { PublicBookingPage, type PublicBookingPageProps } from "@/components/booking/public-booking-page";
import { bookingPage } from "@/server/booking/service";
import { propsOr404 } from "@/server/http/page-props";

// GET /book/:event — public: the event's booking page, server-rendered HTML without the framework's
// JavaScript (docs/ARCHITECTURE.md, "Why two Pages Router pages").
export const config: PageConfig = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<PublicBookingPageProps, { event: string }> = ({ params }) => propsOr404(bookingPage(params?.event ?? "", undefined));

export default PublicBookingPage;
