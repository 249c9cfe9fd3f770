import type { GetServerSideProps, PageConfig } from "next";
import { PublicBookingPage, type PublicBookingPageProps } from "@/components/booking/public-booking-page";
import { bookingPage } from "@/server/booking/service";
import { propsOr404 } from "@/server/http/page-props";

// GET /book/:event/:rep — public: one rep's booking page (only their free times), like /book/:event.
export const config: PageConfig = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<PublicBookingPageProps, { event: string; rep: string }> = ({ params }) =>
  propsOr404(bookingPage(params?.event ?? "", params?.rep ?? ""));

export default PublicBookingPage;
