import { idParams, route } from "@/server/http/route";
import { captureCardPhoto } from "@/server/booth/captures";

// GET /api/booth/captures/:id/card — the business-card photo kept with a capture
export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const photo = await captureCardPhoto(params.id, actor);
  return new Response(new Uint8Array(photo.bytes), { headers: { "content-type": photo.type, "cache-control": "private, max-age=3600" } });
});
