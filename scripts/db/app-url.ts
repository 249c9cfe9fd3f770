/**
 * The address the app is reached at when APP_URL is not set: tracking pixels, click and
 * unsubscribe links and sign-in links are built from it, so it must name the port the server
 * really listens on (`next dev -p 3161`, or PORT), not the default 3000.
 */
export function localAppUrl(command: readonly string[], env: { PORT?: string; APP_URL?: string }): string | undefined {
  if (env.APP_URL && env.APP_URL.trim() !== "") return undefined;
  if (!command.some((part) => /(^|[\\/])next$/.test(part) || part.endsWith("next/dist/bin/next"))) return undefined;
  let port: string | undefined;
  command.forEach((part, i) => {
    if ((part === "-p" || part === "--port") && command[i + 1]) port = command[i + 1];
    const inline = /^--port=(\d+)$/.exec(part);
    if (inline) port = inline[1];
  });
  port ??= env.PORT && /^\d+$/.test(env.PORT) ? env.PORT : "3000";
  return `http://localhost:${port}`;
}
