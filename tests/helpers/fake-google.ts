import { createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./http-body";

/**
 * A fake Google on loopback speaking real OpenID Connect: discovery document, JWKS, a token
 * endpoint that answers the authorization code with an RS256-signed ID token, and userinfo.
 * `authorize()` plays the user at Google's consent screen: given the authorization URL Auth.js
 * redirected to, it issues a code for the given claims (email, email_verified, hd …) and returns
 * the callback URL Google would send the browser back to.
 */
export type GoogleClaims = { email: string; email_verified: boolean; hd?: string; name?: string; sub?: string };

export async function startFakeGoogle(clientId: string) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "fake-google-1", alg: "RS256", use: "sig" };
  const codes = new Map<string, { claims: GoogleClaims; nonce: string | null }>();
  const tokenRequests: URLSearchParams[] = [];
  let issuer = "";

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/o/oauth2/v2/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/certs`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (url.pathname === "/certs") return json(200, { keys: [jwk] });
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      tokenRequests.push(form);
      const grant = codes.get(form.get("code") ?? "");
      if (!grant) return json(400, { error: "invalid_grant" });
      codes.delete(form.get("code")!);
      const now = Math.floor(Date.now() / 1000);
      const idToken = sign({
        iss: issuer, aud: clientId, sub: grant.claims.sub ?? `sub-${grant.claims.email}`, iat: now, exp: now + 3600,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
        email: grant.claims.email, email_verified: grant.claims.email_verified, name: grant.claims.name ?? "Google User",
        ...(grant.claims.hd ? { hd: grant.claims.hd } : {}),
      });
      return json(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 3600, scope: "openid email profile", id_token: idToken });
    }
    if (url.pathname === "/userinfo") return json(401, { error: "not used" });
    return json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function sign(payload: Record<string, unknown>): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const data = `${encode({ alg: "RS256", typ: "JWT", kid: jwk.kid })}.${encode(payload)}`;
    return `${data}.${createSign("RSA-SHA256").update(data).sign(privateKey).toString("base64url")}`;
  }

  return {
    issuer,
    tokenRequests,
    /** The user approves at "Google": returns where Google sends the browser back to. */
    authorize(authorizationUrl: string, claims: GoogleClaims): string {
      const auth = new URL(authorizationUrl);
      if (!auth.href.startsWith(`${issuer}/o/oauth2/v2/auth`)) throw new Error(`not our authorization endpoint: ${authorizationUrl}`);
      const code = randomBytes(12).toString("hex");
      codes.set(code, { claims, nonce: auth.searchParams.get("nonce") });
      const back = new URL(auth.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", code);
      const state = auth.searchParams.get("state");
      if (state) back.searchParams.set("state", state);
      return back.toString();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
