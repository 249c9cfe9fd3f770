import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { getUserBySessionToken } from "@/server/users/session";
import { callRoute } from "../helpers/request";
import { cookieJar } from "../helpers/auth-requests";
import { startFakeGoogle, type GoogleClaims } from "../helpers/fake-google";

/**
 * Issue 13 item 1, Google: the whole OAuth round trip through Auth.js's endpoints against a fake
 * Google on loopback that signs real ID tokens. Google must have verified the address, and an
 * address let in only because of its domain needs the Google account to belong to that domain
 * (`hd`), not just carry it.
 */
const CLIENT_ID = "eventops-test.apps.googleusercontent.com";
let google: Awaited<ReturnType<typeof startFakeGoogle>>;
const saved = { ...process.env };

beforeAll(async () => {
  google = await startFakeGoogle(CLIENT_ID);
});
afterAll(() => google.close());
afterEach(() => {
  for (const key of ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET", "AUTH_GOOGLE_ISSUER", "ALLOWED_EMAIL_DOMAINS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

async function signInWithGoogle(claims: GoogleClaims) {
  Object.assign(process.env, { AUTH_GOOGLE_ID: CLIENT_ID, AUTH_GOOGLE_SECRET: "google-test-secret", AUTH_GOOGLE_ISSUER: google.issuer });
  const jar = cookieJar();
  const csrf = await callRoute(GET, "/api/auth/csrf", { params: { nextauth: ["csrf"] } });
  jar.take(csrf.headers);
  const start = await callRoute(POST, "/api/auth/signin/google", {
    method: "POST",
    params: { nextauth: ["signin", "google"] },
    cookie: jar.header(),
    rawBody: new URLSearchParams({ csrfToken: csrf.json.csrfToken, callbackUrl: "/dashboard" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(start.status).toBe(302);
  jar.take(start.headers);
  const back = new URL(google.authorize(start.headers.get("location")!, claims));
  const callback = await callRoute(GET, `${back.pathname}${back.search}`, { params: { nextauth: ["callback", "google"] }, cookie: jar.header() });
  jar.take(callback.headers);
  return { status: callback.status, location: callback.headers.get("location") ?? "", sessionToken: jar.get("authjs.session-token") };
}

describe("Google sign-in", () => {
  it("a company Google Workspace account in an allowed domain gets a session", async () => {
    process.env.ALLOWED_EMAIL_DOMAINS = "workspace-co.test";
    const result = await signInWithGoogle({ email: "Priya.Raman@Workspace-Co.test", email_verified: true, hd: "workspace-co.test", name: "Priya Raman" });
    expect(result.location).toBe("http://localhost:3000/dashboard");
    const user = await getUserBySessionToken(result.sessionToken);
    expect(user).toMatchObject({ email: "priya.raman@workspace-co.test", role: "REP" });
    const activity = await prisma.activity.findFirstOrThrow({ where: { type: "auth.signed_in", actorId: user!.id } });
    expect(activity.description).toBe("Priya Raman joined the team and signed in with Google");
    expect(google.tokenRequests.at(-1)?.get("code_verifier")).toBeTruthy();
  });

  it("refuses an address Google has not verified", async () => {
    process.env.ALLOWED_EMAIL_DOMAINS = "workspace-co.test";
    const result = await signInWithGoogle({ email: "unverified@workspace-co.test", email_verified: false, hd: "workspace-co.test" });
    expect(result.location).toBe("http://localhost:3000/login?error=unverified_google");
    expect(result.sessionToken).toBeUndefined();
    expect(await prisma.user.count({ where: { email: "unverified@workspace-co.test" } })).toBe(0);
    const refusal = await prisma.activity.findFirstOrThrow({ where: { type: "auth.sign_in_refused", entityId: "unverified@workspace-co.test" } });
    expect(refusal.description).toBe("Google sign-in refused for unverified@workspace-co.test: Google has not verified the address");
  });

  it("refuses a personal Google account that merely carries an allowed domain's address", async () => {
    process.env.ALLOWED_EMAIL_DOMAINS = "workspace-co.test";
    const personal = await signInWithGoogle({ email: "outsider@workspace-co.test", email_verified: true });
    expect(personal.location).toBe("http://localhost:3000/login?error=google_domain");
    const otherTenant = await signInWithGoogle({ email: "outsider2@workspace-co.test", email_verified: true, hd: "other-tenant.test" });
    expect(otherTenant.location).toBe("http://localhost:3000/login?error=google_domain");
    expect(await prisma.user.count({ where: { email: { in: ["outsider@workspace-co.test", "outsider2@workspace-co.test"] } } })).toBe(0);
  });

  it("lets an invited personal address in without hd, and refuses one nobody invited", async () => {
    const admin = await prisma.user.create({ data: { email: `admin-${Date.now()}@example.test`, role: "ADMIN" } });
    await prisma.invite.create({ data: { email: "consultant.friend@gmail-like.test", role: "REP", invitedById: admin.id } });
    const invited = await signInWithGoogle({ email: "consultant.friend@gmail-like.test", email_verified: true });
    expect(invited.location).toBe("http://localhost:3000/dashboard");
    const stranger = await signInWithGoogle({ email: "stranger@gmail-like.test", email_verified: true });
    expect(stranger.location).toBe("http://localhost:3000/login?error=not_invited");
    expect(stranger.sessionToken).toBeUndefined();
  });
});
