import { checkHealth } from '@/server/services/app/check-health';

/** Liveness + database check, for process managers and the e2e web server. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
