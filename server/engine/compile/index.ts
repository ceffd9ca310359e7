/**
 * The compiler is pure (nodes + zod) and lives in nodes/compile so the editor can run the very
 * same code in the browser as you edit; the engine imports it from here.
 */
export * from '@/nodes/compile';
