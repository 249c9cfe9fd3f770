import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A company website on 127.0.0.1 for research tests: a home page with a description, news
 * and links to locations and contact pages, plus misbehaving paths (redirects to private
 * addresses, a redirect loop, a huge page, a page that never answers). Records every request.
 */
export async function startFakeSite() {
  const requests: { path: string; host: string | undefined }[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, host: req.headers.host });
    const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    switch (path) {
      case "/":
        return html(`<!doctype html><html><head><title>Harbor Cold Chain &amp; Logistics</title>
          <meta name="description" content="Temperature-controlled warehousing and distribution for food brands.">
          <script src="https://www.googletagmanager.com/gtag/js"></script></head>
          <body><h1>Cold storage that keeps moving</h1>
          <a href="/locations">Our locations</a> <a href="/contact-us">Contact us</a>
          <a href="/news/harbor-opens-new-dallas-cold-storage-center">Harbor opens new Dallas cold storage center</a>
          <a href="http://elsewhere.example/contact">Partner</a>
          <p>Headquarters in Memphis, TN.</p></body></html>`);
      case "/locations":
        return html(`<html><head><title>Locations</title></head><body><ul><li>Dallas, TX</li><li>Atlanta, GA</li><li>Memphis, TN</li></ul></body></html>`);
      case "/contact-us":
        return html(`<html><head><title>Contact</title></head><body>Call us.</body></html>`);
      case "/redirect-private":
        return res.writeHead(302, { location: "http://10.0.0.1/admin" }).end();
      case "/redirect-metadata":
        return res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      case "/redirect-home":
        return res.writeHead(302, { location: "/" }).end();
      case "/loop":
        return res.writeHead(302, { location: "/loop" }).end();
      case "/big":
        return html("x".repeat(200_000));
      case "/slow":
        return; // never answers
      default:
        return res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    port,
    url: (path = "/") => `${base}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Lets only the loopback test server (on its free port) through, as if it were a public site. */
export const allowLoopbackOnly = { allowAddress: (address: string) => address === "127.0.0.1", allowPort: () => true };
