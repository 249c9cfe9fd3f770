import { route } from "@/server/http/route";
import { createAccount, createAccountBody, listAccounts, listAccountsQuery } from "@/server/accounts/service";

// GET /api/accounts — filtered, sorted, paginated accounts of an event
export const GET = route({ query: listAccountsQuery }, ({ query, actor }) => listAccounts(query, actor));

// POST /api/accounts — add an account by hand
export const POST = route({ body: createAccountBody, status: 201 }, ({ body, actor }) => createAccount(body, actor));
