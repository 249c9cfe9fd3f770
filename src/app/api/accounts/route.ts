import { route } from "@/server/http/route";
import { createAccount, createAccountBody, listAccounts, listAccountsQuery } from "@/server/accounts/service";

// GET /api/accounts — filtered, sorted, paginated accounts of an event
export const GET = route({ query: listAccountsQuery }, ({ query, user }) => listAccounts(query, user));

// POST /api/accounts — add an account by hand
export const POST = route({ body: createAccountBody, status: 201 }, ({ body, user }) => createAccount(body, user));
