import { route } from "@/server/http/route";
import { bulkAccountsBody, bulkUpdateAccounts } from "@/server/accounts/service";

// POST /api/accounts/bulk — assign, set tier or status, or move many accounts to the Trash at once
export const POST = route({ body: bulkAccountsBody }, ({ body, actor }) => bulkUpdateAccounts(body, actor));
