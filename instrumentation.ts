// Next.js calls register() once when the server starts. The work lives in server/services/app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootServer } = await import('./server/services/app/boot-server');
  // Not awaited: the server answers while traders resume and stale runs are swept.
  bootServer().catch((error: unknown) => console.error('[boot] could not start the server runtime:', error instanceof Error ? error.message : error));
}
