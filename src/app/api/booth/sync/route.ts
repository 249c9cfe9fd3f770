import { route } from "@/server/http/route";
import { boothSyncBody } from "@/lib/booth/schemas";
import { applyBoothOperations } from "@/server/booth/sync";

// POST /api/booth/sync — the phone's offline queue: captures and meeting actions, each once per key
export const POST = route({ body: boothSyncBody, maxBodyBytes: 4_000_000 }, ({ actor, body }) => applyBoothOperations(body.operations, actor));
